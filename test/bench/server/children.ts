/**
 * The processes the bench starts: the stand-ins, our server and the echo bot, each on its own event
 * loop, so that none competes with autocannon's. Servers log to a file (as in production, where
 * logs go to a collector, not through the load generator), from which the bench reads the port.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask, nextMessage, type ProcessUsage } from './ipc';
import type { StandInCounts } from './standIns';

const STOP_GRACE_MS = 5_000;
const START_TIMEOUT_MS = 15_000;

export interface StandInsProcess {
  connectorUrl: string;
  slackApiUrl: string;
  counts(): Promise<StandInCounts>;
  stop(): Promise<void>;
}

export interface ServerProcess {
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  usage(): Promise<ProcessUsage>;
  stop(): Promise<void>;
}

export interface ServerSpec {
  name: string;
  /** The compiled entry point. */
  script: string;
  env: Record<string, string>;
  /** A folder for logs (and CPU profiles). */
  workDir: string;
  /** Writes a V8 CPU profile into workDir at exit. */
  cpuProfile?: boolean;
  /** Lets the usage probe run a full GC before it reads the heap (the soak's samples). */
  exposeGc?: boolean;
}

/** SIGTERM, then SIGKILL if the child is still there after a grace period. Only our own child. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

export async function startStandInsProcess(): Promise<StandInsProcess> {
  const child = fork(join(__dirname, 'standInsProcess.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage(child, 'ready');
  return {
    connectorUrl: ready.connectorUrl,
    slackApiUrl: ready.slackApiUrl,
    counts: async () => (await ask(child, 'counts')).counts,
    stop: () => stopChild(child),
  };
}

/** Reads the log until the server's `{"msg":"listening","port":…}` line appears. */
async function waitForPort(child: ChildProcess, logFile: string, name: string): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} at start`);
    for (const line of readFileSync(logFile, 'utf8').split('\n')) {
      if (!line.includes('"listening"')) continue;
      const parsed = JSON.parse(line) as { msg?: string; port?: number };
      if (parsed.msg === 'listening' && typeof parsed.port === 'number') return parsed.port;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} did not log "listening" within ${START_TIMEOUT_MS} ms`);
}

export async function startServerProcess(spec: ServerSpec): Promise<ServerProcess> {
  const logFile = join(spec.workDir, `${spec.name}.log`);
  const log = openSync(logFile, 'w');
  const execArgv = [
    // restify reads process.binding('http_parser'); the warning would only clutter the bench's output.
    '--no-deprecation',
    '-r',
    join(__dirname, 'usageProbe.js'),
    ...(spec.exposeGc ? ['--expose-gc'] : []),
    ...(spec.cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', join(spec.workDir, `${spec.name}-profile`)] : []),
  ];
  const child = spawn(process.execPath, [...execArgv, spec.script], {
    // Only what the server needs: no settings leak in from the developer's environment.
    env: { PATH: process.env.PATH ?? '', ...spec.env },
    stdio: ['ignore', log, 'inherit', 'ipc'],
  });
  let port: number;
  try {
    port = await waitForPort(child, logFile, spec.name);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    name: spec.name,
    port,
    pid: child.pid ?? -1,
    logFile,
    usage: async () => (await ask(child, 'usage')).usage,
    stop: () => stopChild(child),
  };
}
