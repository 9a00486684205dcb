/**
 * The state the bot keeps between messages, behind one small asynchronous interface: values with an
 * expiry (a user's chosen language, a conversation's last answer), "first time I see this id" for
 * redelivered events, rate-limit buckets, and Slack installations. Three backends implement it
 * (memory, SQLite, Redis); callers never know which one they have.
 */
import type { Logger } from 'pino';

/** The store logs through the server's logger (pino), injected. */
export type StateLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** Milliseconds since the epoch; `Date.now` but where a test moves time itself. */
export type Clock = () => number;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A token bucket: `burst` takes at once, then `perSecond` more each second. */
export interface RateLimit {
  readonly burst: number;
  readonly perSecond: number;
}

/** One bucket to take a token from: its key and its size. */
export interface BucketTake {
  readonly key: string;
  readonly limit: RateLimit;
}

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

/**
 * The conversation layer's store (its `ConversationStore`), plus what the operations around it need:
 * deleting a workspace's data, Slack installations, and health for `/readyz`.
 *
 * Entries live in named spaces (`languageChoice`, `lastAnswer`, `delivery`, …: a letter, then up to
 * 31 letters, digits, `_` or `-`) under string keys (any printable text up to 512 characters).
 * Keys that start with the channel and workspace (`slack:T0123:…`) can be deleted together.
 */
export interface StateStore {
  readonly backend: StateBackendName;

  /**
   * The value kept under `key`, or undefined when there is none or it expired. Data read back is
   * untrusted (another version may have written it): callers validate its shape. When the backend
   * is unreachable this answers undefined.
   */
  get(space: string, key: string): Promise<unknown>;
  /**
   * Keeps `value` (plain JSON, at most 64 KiB) for `ttlMs`. When the backend is unreachable the value
   * is not kept (the store is then degraded, and says so once in the log).
   */
  set(space: string, key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Removes one entry; throws a `StateError` when the backend cannot be reached. */
  delete(space: string, key: string): Promise<void>;

  /**
   * True exactly once for a key within `ttlMs`, across every process on the same backend (Slack
   * redelivers an event it thinks was missed, possibly to another replica). When the backend is
   * unreachable, dedupe holds within this process only.
   */
  firstSeen(space: string, key: string, ttlMs: number): Promise<boolean>;

  /**
   * Takes one token from the bucket `key` (sized by `limit`); false when it has none. Atomic across
   * every process on the same backend; while it is unreachable, the limit holds per process.
   */
  take(key: string, limit: RateLimit): Promise<boolean>;

  /**
   * Takes one token from each bucket in turn and stops at the first that has none, as separate
   * takes would (the buckets before it keep their token taken); true when every bucket gave one.
   * One write on SQLite (a message's user and conversation buckets in one transaction).
   */
  takeEach(buckets: readonly BucketTake[]): Promise<boolean>;

  /**
   * Removes every entry of every space, and every bucket, whose key starts with `prefix` (a Slack
   * workspace's data on uninstall: `slack:T0123:`). Throws a `StateError` when the backend cannot
   * be reached: a workspace's data must not look deleted when it is not.
   */
  deleteByPrefix(prefix: string): Promise<void>;

  readonly installations: InstallationStore;

  health(): StateHealth;
  /** Flushes and closes; the store is unusable afterwards. */
  close(): Promise<void>;
}
