/**
 * The built server (`dist/bots/server/main.js`) in a child process of its own, on loopback: a request
 * that crashes it ends only the child, and the test sees the exit instead of dying with it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { ask } from '../../bench/server/ipc';

const ROOT = join(__dirname, '..', '..', '..');
// Under jest this file runs from test/; compiled for a benchmark, from dist/test/.
const DIST = basename(ROOT) === 'dist' ? ROOT : join(ROOT, 'dist');
const MAIN = join(DIST, 'bots', 'server', 'main.js');
/** The server bench's probe: answers "usage" over IPC, after a full GC when started with --expose-gc. */
const USAGE_PROBE = join(DIST, 'test', 'bench', 'server', 'usageProbe.js');
const START_TIMEOUT_MS = 15_000;

export interface ChildLogLine {
  msg: string;
  level: number;
  [field: string]: unknown;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerChild {
  readonly base: string;
  readonly pid: number;
  /** Every JSON line the server wrote to standard output. */
  readonly logs: ChildLogLine[];
  /** Standard output lines that are not JSON, and everything written to standard error. */
  readonly stray: string[];
  /** Set once the child exited, by itself or by `stop`. */
  exit(): Exit | undefined;
  /** The child's resident set size in MB, as the kernel counts it. */
  rssMb(): number;
  /** The child's live heap in MB, after a full garbage collection. */
  liveHeapMb(): Promise<number>;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Reads VmRSS from /proc: the child's real memory, whatever its own heap says. */
function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kilobytes)) throw new Error(`no VmRSS for process ${pid}`);
  return kilobytes / 1024;
}

/**
 * Starts the server with exactly `settings` (plus PATH, in-memory state, and loopback on a free port unless set) and
 * resolves once it is listening. The port comes from the `listening` log line, written at info level.
 */
export async function startServerChild(settings: Record<string, string>): Promise<ServerChild> {
  if (['warn', 'error', 'fatal', 'silent'].includes(settings.LOG_LEVEL ?? 'info'))
    throw new Error('startServerChild reads the port from an info line: LOG_LEVEL must be info or lower');
  const child = spawn(process.execPath, ['--no-deprecation', '--expose-gc', '-r', USAGE_PROBE, MAIN], {
    // Nothing is kept on disk unless a test asks for it (STATE_URL).
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', STATE_URL: 'memory:', ...settings },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  }) as ChildProcessWithoutNullStreams;
  const logs: ChildLogLine[] = [];
  const stray: string[] = [];
  let exited: Exit | undefined;
  const exitedPromise = once(child, 'exit').then(([code, signal]): Exit => {
    exited = { code: code as number | null, signal: signal as NodeJS.Signals | null };
    return exited;
  });
  createInterface({ input: child.stderr }).on('line', (line) => stray.push(line));
  const port = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let parsed: ChildLogLine;
      try {
        parsed = JSON.parse(line) as ChildLogLine;
      } catch {
        stray.push(line);
        return;
      }
      logs.push(parsed);
      if (parsed.msg === 'listening') resolve(parsed.port as number);
    });
    void exitedPromise.then(() => reject(new Error(`server exited at start: ${stray.join('\n')}`)));
    setTimeout(() => reject(new Error('server did not start within 15 s')), START_TIMEOUT_MS).unref();
  });
  let listeningOn: number;
  try {
    listeningOn = await port;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid ?? -1;
  return {
    base: `http://127.0.0.1:${listeningOn}`,
    pid,
    logs,
    stray,
    exit: () => exited,
    rssMb: () => rssMbOf(pid),
    liveHeapMb: async () => (await ask(child, 'usage')).usage.heapUsed / (1024 * 1024),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      return (await exitedPromise).code;
    },
  };
}
