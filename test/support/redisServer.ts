/**
 * A real redis-server for tests and benchmarks, on a free loopback port, with nothing written to
 * disk. When it cannot be started (not installed, or it exits), starting throws with the reason, so
 * that the tests that need it fail instead of passing without it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 5_000;

export interface RedisServer {
  readonly port: number;
  /** `redis://[:password@]127.0.0.1:PORT/DB` */
  url(db?: number): string;
  /** Ends the server at once, as a crash would (SIGKILL). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  readonly password?: string;
  /** A port of the test's choosing (one that a store already tries to reach); else a free one. */
  readonly port?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function checkInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server is not installed, so the Redis tests cannot run: install it (Debian: apt-get install -y redis-server; .ci/run does)',
    );
  }
}

function launch(port: number, dir: string, options: RedisServerOptions): Promise<ChildProcess> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start on 127.0.0.1:${port}: ${reason}\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (READY.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onOutput);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code})`));
  });
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  checkInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  // A port found free can be taken before redis-server binds it: try another a few times.
  for (let attempt = 1; !child; attempt++) {
    port = options.port ?? (await freePort());
    try {
      child = await launch(port, dir, options);
    } catch (error) {
      if (attempt === 3 || options.port !== undefined) throw error;
    }
  }
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    port,
    url: (db = 0) => `redis://${auth}127.0.0.1:${port}/${db}`,
    kill: async () => {
      if (child) await ended(child, 'SIGKILL');
    },
    restart: async () => {
      if (child) await ended(child, 'SIGKILL');
      child = await launch(port, dir, options);
    },
    stop: async () => {
      if (child) await ended(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
