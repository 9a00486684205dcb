/**
 * The store that callers get, the same over every backend: it checks what comes in, turns values
 * into JSON and back, renews entries in use, and decides what a backend fault means. The operations
 * on the path of an answer (get, set, firstSeen, take) never throw for a fault: they fall back to
 * this process's memory, the store reports itself degraded, and the log says so once when that
 * starts and once when it ends. Deleting and installations throw instead: a workspace's data must
 * not look deleted, nor an install look stored, when it is not.
 */
import type { Backend, BackendStatus } from './backend';
import { describeFault, STATE_ERROR_CODES, StateError } from './errors';
import { SealedInstallations } from './installations';
import { checkBuckets, checkKey, checkOwner, checkTtl, serialize } from './keys';
import { MemoryBackend } from './memoryBackend';
import type { Sealer } from './sealing';
import type {
  BucketTake,
  GetOptions,
  InstallationStore,
  JsonValue,
  RateDecision,
  StateBackendName,
  StateHealth,
  StateKey,
  StateLogger,
  StateStore,
} from './types';

/** An entry read with less than this share of its renewal span left is renewed. */
const RENEW_BELOW = 0.9;
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
  private readonly local = new MemoryBackend({ maxEntries: 50_000 });
  /** The last write that failed, until a write succeeds again (reads alone prove nothing: a full disk reads). */
  private lastFailure: string | undefined;
  private reported: StateHealth;

  constructor(private readonly parts: StoreParts) {
    this.backend = parts.configured;
    this.installations = new SealedInstallations({
      sealer: parts.sealer,
      logger: parts.logger,
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

  async get(key: StateKey, options?: GetOptions): Promise<unknown> {
    checkKey(key);
    if (options?.renewTtlMs !== undefined) checkTtl(options.renewTtlMs);
    const stored = await this.bestEffort('read', 'get', (backend) => backend.read(key), nothing);
    if (!stored) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(stored.text);
    } catch {
      this.parts.logger.warn(
        { state: this.backend, kind: key.kind },
        'state store: a stored value is not JSON; ignored',
      );
      return undefined;
    }
    const renewTtlMs = options?.renewTtlMs;
    if (renewTtlMs !== undefined && stored.expiresAt - Date.now() < renewTtlMs * RENEW_BELOW) {
      await this.bestEffort('write', 'renew', (backend) => backend.extend(key, renewTtlMs), nothing);
    }
    return value;
  }

  async set(key: StateKey, value: JsonValue, ttlMs: number): Promise<void> {
    checkKey(key);
    checkTtl(ttlMs);
    const text = serialize(value);
    await this.bestEffort('write', 'set', (backend) => backend.write(key, text, ttlMs), nothing);
  }

  async delete(key: StateKey): Promise<void> {
    checkKey(key);
    await this.require('delete', (backend) => backend.remove(key));
  }

  async firstSeen(key: StateKey, ttlMs: number): Promise<boolean> {
    checkKey(key);
    checkTtl(ttlMs);
    return this.bestEffort(
      'write',
      'firstSeen',
      (backend) => backend.claim(key, ttlMs),
      () => this.local.claim(key, ttlMs),
    );
  }

  async take(buckets: readonly BucketTake[]): Promise<RateDecision> {
    checkBuckets(buckets);
    return this.bestEffort(
      'write',
      'take',
      (backend) => backend.take(buckets),
      () => this.local.take(buckets),
    );
  }

  async deleteOwner(owner: string): Promise<void> {
    checkOwner(owner);
    await this.require('delete an owner', (backend) => backend.removeOwner(owner));
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
