/**
 * State in Redis (`STATE_URL=redis://…` or `rediss://…`), shared by every replica behind a load
 * balancer. Every key starts with `mailflow:` and has a TTL. Dedupe is `SET … NX PX`; a rate-limit
 * take is one Lua script; deleting by a key's prefix is a SCAN of that exact prefix.
 *
 * Faults: commands are never queued while the connection is down, never resent after it drops (a
 * resent `SET NX` would report a duplicate of its own first attempt and drop an event), and time out
 * after a second. A timeout drops the connection and starts a fresh one, so that a half-dead socket
 * costs one slow command, not one per message. ioredis reconnects forever with a capped backoff;
 * meanwhile `status()` says why, and the store answers from this process's memory.
 */
import Redis, { type Result } from 'ioredis';
import type { Backend, BackendStatus, StoredText } from './backend';
import { describeFault } from './errors';
import { escapeKey } from './keys';
import { TAKE_SCRIPT } from './redisScripts';
import type { BucketTake } from './types';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    mailflowTake(bucket: string, burst: number, perSecond: number): Result<number, Context>;
  }
}

/**
 * `mailflow:v:<key>:<space>` for values and seen ids, `mailflow:b:<key>` for buckets, the key
 * escaped (no `:` inside it): a key's prefix is then a prefix of the Redis key, whatever the space.
 */
const NAMESPACE = 'mailflow:';
const valueKey = (space: string, key: string) => `${NAMESPACE}v:${escapeKey(key)}:${space}`;
const bucketKey = (key: string) => `${NAMESPACE}b:${escapeKey(key)}`;

const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 2_000;
const SCAN_COUNT = 1_000;

/** `*`, `?`, `[`, `]` and `\` are special in SCAN's MATCH pattern. */
const globEscape = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

export interface RedisBackendOptions {
  readonly url: string;
  /** The URL without its password, for messages. */
  readonly display: string;
  /** Told on every change between reachable and not (not of the reason alone, so that retries log nothing). */
  readonly onStatus: (status: BackendStatus) => void;
}

export class RedisBackend implements Backend {
  readonly name = 'redis';
  private readonly client: Redis;
  private current: BackendStatus = { ok: false, reason: 'connecting' };
  private closing = false;

  /**
   * Connects, waiting up to `readyWithinMs` for the first connection; a Redis that is not there yet
   * is not an error: the store starts degraded and keeps trying.
   */
  static async connect(
    options: RedisBackendOptions,
    readyWithinMs = CONNECT_TIMEOUT_MS,
  ): Promise<RedisBackend> {
    const backend = new RedisBackend(options);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        backend.client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, readyWithinMs);
      backend.client.once('ready', done);
    });
    return backend;
  }

  private constructor(private readonly options: RedisBackendOptions) {
    this.client = new Redis(options.url, {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // How long a closed connection may take to say goodbye before it is destroyed (shutdown waits on it).
      disconnectTimeout: 500,
      commandTimeout: COMMAND_TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      // Concurrent commands share the connection anyway (Redis answers in order); batching them per
      // tick (auto-pipelining) cost 10-30 µs of CPU more per command in bench:state, for no gain.
      enableAutoPipelining: false,
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), MAX_RECONNECT_DELAY_MS),
    });
    this.client.defineCommand('mailflowTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.client.on('ready', () => this.setStatus({ ok: true }));
    this.client.on('error', (error: unknown) => this.setStatus(this.unreachable(error)));
    this.client.on('close', () => {
      if (this.current.ok) this.setStatus({ ok: false, reason: `${options.display}: connection closed` });
    });
  }

  private unreachable(error: unknown): BackendStatus {
    return { ok: false, reason: `${this.options.display}: ${describeFault(error)}` };
  }

  private setStatus(status: BackendStatus): void {
    if (this.closing) return;
    const changed = status.ok !== this.current.ok;
    this.current = status;
    if (changed) this.options.onStatus(status);
  }

  /** Runs a command; a timeout means a dead socket: drop it and reconnect instead of waiting on it again. */
  private async run<T>(command: Promise<T>): Promise<T> {
    try {
      return await command;
    } catch (error) {
      if (error instanceof Error && error.message === 'Command timed out' && this.client.status === 'ready') {
        this.setStatus(this.unreachable(error));
        this.client.disconnect(true);
      }
      throw error;
    }
  }

  async read(space: string, key: string): Promise<StoredText | undefined> {
    const redisKey = valueKey(space, key);
    const [text, remainingMs] = await this.run(
      Promise.all([this.client.get(redisKey), this.client.pttl(redisKey)]),
    );
    if (text === null) return undefined;
    return { text, expiresAt: Date.now() + Math.max(0, remainingMs) };
  }

  async write(space: string, key: string, text: string, ttlMs: number): Promise<void> {
    await this.run(this.client.set(valueKey(space, key), text, 'PX', ttlMs));
  }

  async extend(space: string, key: string, ttlMs: number): Promise<void> {
    await this.run(this.client.pexpire(valueKey(space, key), ttlMs));
  }

  async remove(space: string, key: string): Promise<void> {
    await this.run(this.client.unlink(valueKey(space, key)));
  }

  async removeByPrefix(prefix: string): Promise<void> {
    const pattern = `${NAMESPACE}[vb]:${globEscape(escapeKey(prefix))}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.run(this.client.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT));
      if (keys.length > 0) await this.run(this.client.unlink(...keys));
      cursor = next;
    } while (cursor !== '0');
  }

  async claim(space: string, key: string, ttlMs: number): Promise<boolean> {
    return (await this.run(this.client.set(valueKey(space, key), 'true', 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async takeEach(buckets: readonly BucketTake[]): Promise<boolean> {
    for (const { key, limit } of buckets) {
      const taken = await this.run(this.client.mailflowTake(bucketKey(key), limit.burst, limit.perSecond));
      if (taken !== 1) return false;
    }
    return true;
  }

  status(): BackendStatus {
    return this.current;
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.client.quit();
    } catch {
      // Not connected: nothing to say goodbye to; stop reconnecting.
      this.client.disconnect();
    }
  }
}
