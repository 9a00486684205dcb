/**
 * The store that callers get, the same over every backend: it checks what comes in, turns values
 * into JSON and back, and decides what a backend fault means. The operations
 * on the path of an answer (get, set, firstSeen, take) never throw for a fault: they fall back to
 * this process's memory, the store reports itself degraded, and the log says so once when that
 * starts and once when it ends. Deleting and installations throw instead: a workspace's data must
 * not look deleted, nor an install look stored, when it is not.
 */
import type { Backend, BackendStatus } from './backend';
import { describeFault, STATE_ERROR_CODES, StateError } from './errors';
import { SealedInstallations } from './installations';
import { checkKey, checkLimit, checkSpace, checkTtl, serialize } from './keys';
import { MemoryBackend } from './memoryBackend';
import type { Sealer } from './sealing';
import type {
  BucketTake,
  Clock,
  InstallationStore,
  RateLimit,
  StateBackendName,
  StateHealth,
  StateLogger,
  StateStore,
} from './types';

/** The fallback of an operation that has no answer without its backend. */
const nothing = async (): Promise<undefined> => undefined;

export interface StoreParts {
  /** The backend that STATE_URL names, whatever `primary` turned out to be. */
  readonly configured: StateBackendName;
  /** Where it is, for the log: a file, or a Redis URL without its password. */
  readonly where: string;
  readonly primary: Backend;
  readonly sealer: Sealer | undefined;
  readonly logger: StateLogger;
  /** The clock the backend keeps time by (memory and SQLite); Date.now unless a test moves time. */
  readonly now?: Clock;
  /**
   * Set when the configured backend could not be opened at all (an unusable SQLite file): `primary`
   * is then this process's memory, the store says why in its health, and installations are refused.
   */
  readonly openFailure?: string;
}

export class ResilientStateStore implements StateStore {
  readonly backend: StateBackendName;
  readonly installations: InstallationStore;
  /** Dedupe and rate limits for this process alone, while the backend is out of reach. */
  private readonly local: MemoryBackend;
  /** The last write that failed, until a write succeeds again (reads alone prove nothing: a full disk reads). */
  private lastFailure: string | undefined;
  private reported: StateHealth;

  constructor(private readonly parts: StoreParts) {
    this.backend = parts.configured;
    const now = parts.now ?? Date.now;
    this.local = new MemoryBackend({ maxEntries: 50_000, now });
    this.installations = new SealedInstallations({
      sealer: parts.sealer,
      logger: parts.logger,
      now,
      run: (operation, action) => this.requirePersistent(operation, action),
    });
    this.reported = this.health();
    if (this.reported.status === 'ok')
      parts.logger.info({ state: parts.configured, where: parts.where }, 'state store ready');
    else this.logDegraded(this.reported.reason);
  }

  health(): StateHealth {
    const backend = this.parts.configured;
    const reason = this.parts.openFailure ?? this.backendTrouble() ?? this.lastFailure;
    return reason === undefined ? { backend, status: 'ok' } : { backend, status: 'degraded', reason };
  }

  /** Called by a backend that learns of its connection's state by itself (Redis). */
  backendStatusChanged(status: BackendStatus): void {
    if (status.ok) this.lastFailure = undefined;
    this.reportHealth();
  }

  async get(space: string, key: string): Promise<unknown> {
    checkSpace(space);
    checkKey(key);
    const stored = await this.bestEffort('read', 'get', (backend) => backend.read(space, key), nothing);
    if (!stored) return undefined;
    try {
      return JSON.parse(stored.text);
    } catch {
      this.parts.logger.warn(
        { state: this.backend, space },
        'state store: a stored value is not JSON; ignored',
      );
      return undefined;
    }
  }

  async set(space: string, key: string, value: unknown, ttlMs: number): Promise<void> {
    checkSpace(space);
    checkKey(key);
    checkTtl(ttlMs);
    const text = serialize(value);
    await this.bestEffort('write', 'set', (backend) => backend.write(space, key, text, ttlMs), nothing);
  }

  async delete(space: string, key: string): Promise<void> {
    checkSpace(space);
    checkKey(key);
    await this.require('delete', (backend) => backend.remove(space, key));
  }

  async firstSeen(space: string, key: string, ttlMs: number): Promise<boolean> {
    checkSpace(space);
    checkKey(key);
    checkTtl(ttlMs);
    return this.bestEffort(
      'write',
      'firstSeen',
      (backend) => backend.claim(space, key, ttlMs),
      () => this.local.claim(space, key, ttlMs),
    );
  }

  take(key: string, limit: RateLimit): Promise<boolean> {
    return this.takeEach([{ key, limit }]);
  }

  async takeEach(buckets: readonly BucketTake[]): Promise<boolean> {
    for (const { key, limit } of buckets) {
      checkKey(key);
      checkLimit(limit);
    }
    return this.bestEffort(
      'write',
      'take',
      (backend) => backend.takeEach(buckets),
      () => this.local.takeEach(buckets),
    );
  }

  async deleteByPrefix(prefix: string): Promise<void> {
    checkKey(prefix);
    await this.require('delete by prefix', (backend) => backend.removeByPrefix(prefix));
  }

  async close(): Promise<void> {
    await this.parts.primary.close();
  }

  private backendTrouble(): string | undefined {
    const status = this.parts.primary.status();
    return status.ok ? undefined : status.reason;
  }

  /**
   * Runs `action` on the backend; on a fault (or while the backend is known to be unreachable),
   * answers `fallback()` instead. A write that succeeds ends a degradation that a write began.
   */
  private async bestEffort<T>(
    access: 'read' | 'write',
    operation: string,
    action: (backend: Backend) => Promise<T>,
    fallback: () => Promise<T>,
  ): Promise<T> {
    if (this.backendTrouble() !== undefined) return fallback();
    try {
      const result = await action(this.parts.primary);
      if (access === 'write' && this.lastFailure !== undefined) {
        this.lastFailure = undefined;
        this.reportHealth();
      }
      return result;
    } catch (error) {
      this.noteFailure(operation, error);
      return fallback();
    }
  }

  /** Runs `action` on the backend, or throws a `StateError` saying why it could not. */
  private async require<T>(operation: string, action: (backend: Backend) => Promise<T>): Promise<T> {
    const trouble = this.backendTrouble();
    if (trouble !== undefined)
      throw new StateError(STATE_ERROR_CODES.unavailable, `state store: cannot ${operation}: ${trouble}`);
    try {
      return await action(this.parts.primary);
    } catch (error) {
      this.noteFailure(operation, error);
      throw new StateError(
        STATE_ERROR_CODES.unavailable,
        `state store: cannot ${operation}: ${describeFault(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  /** As `require`, and refused outright while the store runs on memory in place of its backend. */
  private requirePersistent<T>(operation: string, action: (backend: Backend) => Promise<T>): Promise<T> {
    const { openFailure } = this.parts;
    if (openFailure !== undefined)
      return Promise.reject(
        new StateError(STATE_ERROR_CODES.unavailable, `state store: cannot ${operation}: ${openFailure}`),
      );
    return this.require(operation, action);
  }

  private noteFailure(operation: string, error: unknown): void {
    this.lastFailure = `${this.parts.where}: ${operation} failed: ${describeFault(error)}`;
    this.parts.logger.debug({ state: this.backend, operation, err: error }, 'state store: operation failed');
    this.reportHealth();
  }

  private reportHealth(): void {
    const health = this.health();
    const before = this.reported;
    this.reported = health;
    if (health.status === before.status) return;
    if (health.status === 'degraded') this.logDegraded(health.reason);
    else
      this.parts.logger.info({ state: this.backend, where: this.parts.where }, 'state store: working again');
  }

  private logDegraded(reason: string): void {
    this.parts.logger.error(
      { state: this.backend, where: this.parts.where, setting: 'STATE_URL', reason },
      'state store degraded: answering from this process’s memory (values not kept or shared; dedupe and rate limits for this process only)',
    );
  }
}
