/**
 * The state the bot keeps between messages, behind one small asynchronous interface: values with an
 * expiry (a user's chosen language, a conversation's last answer), "first time I see this id" for
 * redelivered events, rate-limit buckets, and Slack installations. Three backends implement it
 * (memory, SQLite, Redis); callers never know which one they have.
 */
import type { Logger } from 'pino';

/** The store logs through the server's logger (pino), injected. */
export type StateLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Where an entry lives. `owner` is whom the entry belongs to (e.g. `slack:T0123` for a Slack
 * workspace, `teams:<tenant id>`): `deleteOwner` removes everything of one owner at once, which is
 * what an uninstall needs. `kind` names what the entry is (`language`, `followUp`, `event`, …) and
 * `id` which one (a user, a thread, an event id). Any text, bounded in length; owners starting with
 * `_` are the store's own.
 */
export interface StateKey {
  readonly owner: string;
  readonly kind: string;
  readonly id: string;
}

/** A token bucket: `burst` messages at once, then `perSecond` more each second. */
export interface RateLimit {
  readonly burst: number;
  readonly perSecond: number;
}

export interface BucketTake {
  readonly key: StateKey;
  readonly limit: RateLimit;
}

export type RateDecision =
  | 'allow'
  /** Refused; this is the first refusal since the last allowed take: tell the user once. */
  | 'refuseWithNotice'
  /** Refused again; say nothing, so that a loop between two bots gets no fuel. */
  | 'refuseSilently';

export type StateBackendName = 'memory' | 'sqlite' | 'redis';

/**
 * `degraded`: the store answers, but from this process's memory (Redis unreachable, the SQLite file
 * unusable): values are not kept or shared, dedupe and rate limits hold for this process only.
 * `reason` names the setting or the file; it never carries a secret.
 */
export type StateHealth =
  | { readonly backend: StateBackendName; readonly status: 'ok' }
  | { readonly backend: StateBackendName; readonly status: 'degraded'; readonly reason: string };

/**
 * A Slack installation is one workspace (`team`), or a whole Enterprise Grid organization when the
 * app was installed org-wide (`enterprise`). Team ids are unique across organizations.
 */
export type InstallationKey =
  | { readonly scope: 'team'; readonly teamId: string }
  | { readonly scope: 'enterprise'; readonly enterpriseId: string };

/**
 * Slack installations (bot tokens and their refresh tokens), encrypted at rest with AES-256-GCM.
 * Unlike the best-effort operations of the store, these fail loudly (`StateError`) when the backend
 * cannot be reached or no encryption key is configured: an install must not look stored when it
 * is not.
 */
export interface InstallationStore {
  /** The installation as stored, or undefined (never stored, deleted, or sealed with another key). */
  get(key: InstallationKey): Promise<unknown>;
  put(key: InstallationKey, installation: JsonValue): Promise<void>;
  delete(key: InstallationKey): Promise<void>;
}

export interface GetOptions {
  /**
   * Keep a used entry alive: when less than this is left of its life, it is extended to this again
   * ("forgotten after 180 days unused"). Extended at most once per tenth of the span, so that
   * reading stays a read.
   */
  readonly renewTtlMs?: number;
}

export interface StateStore {
  readonly backend: StateBackendName;

  /**
   * The value stored under `key`, or undefined when there is none or it expired. Data read back is
   * untrusted (another version may have written it): callers validate its shape. When the backend
   * is unreachable this answers undefined.
   */
  get(key: StateKey, options?: GetOptions): Promise<unknown>;
  /** Stores `value` for `ttlMs`. When the backend is unreachable the value is not kept (logged once). */
  set(key: StateKey, value: JsonValue, ttlMs: number): Promise<void>;
  /** Removes one entry; throws a `StateError` when the backend cannot be reached. */
  delete(key: StateKey): Promise<void>;

  /**
   * True exactly once for a key within `ttlMs`, across every process on the same backend (Slack
   * redelivers an event it thinks was missed, possibly to another replica). When the backend is
   * unreachable, dedupe holds within this process only.
   */
  firstSeen(key: StateKey, ttlMs: number): Promise<boolean>;

  /**
   * Takes one token from every bucket, atomically, if each has one; otherwise takes none. A refusal
   * names whether it is the first of its run (the limiting bucket remembers that it gave notice).
   * When the backend is unreachable, the limits hold within this process only.
   */
  take(buckets: readonly BucketTake[]): Promise<RateDecision>;

  /** Removes every entry and bucket of `owner`; throws a `StateError` when the backend cannot be reached. */
  deleteOwner(owner: string): Promise<void>;

  readonly installations: InstallationStore;

  health(): StateHealth;
  /** Flushes and closes; the store is unusable afterwards. */
  close(): Promise<void>;
}
