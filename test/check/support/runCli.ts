/**
 * Runs the built `mailflow` command in a child process, as a user does, with only the environment
 * a test gives it (plus PATH): NODE_EXTRA_CA_CERTS is read at start-up, so trusting the test CA
 * needs a process of its own. Asynchronous, so the stand-ins in this process go on answering.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's root: the nearest folder up with a package.json (this file also runs from dist/). */
function projectRoot(from: string): string {
  return existsSync(join(from, 'package.json')) ? from : projectRoot(dirname(from));
}

const BIN = join(projectRoot(__dirname), 'dist', 'bots', 'cli', 'main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole command, start-up included. */
  ms: number;
}

export function runCli(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: performance.now() - started }));
  });
}
