/**
 * The keys that sign Bot Framework tokens, read from an OpenID metadata document and its key set.
 * botframework-connector fetches the same documents without a timeout, once per request while it
 * has none, so a metadata endpoint that hangs held every request for minutes. Here each fetch has a
 * timeout, one runs at a time, the keys are kept for a day (fetched again for an unknown key at most
 * every five minutes), and after a failed fetch requests are refused at once for a few seconds
 * rather than each waiting for the same failure.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { CodedError, ERROR_CODES } from '../../runtime/errors';
import { exchange } from '../../runtime/outbound/httpTransport';

export interface OpenIdKeysOptions {
  /** Each of the two documents must arrive within this. */
  fetchTimeoutMs: number;
  /** Keys older than this are fetched again (kept if that fails: Microsoft rotates keys slowly). */
  refreshMs: number;
  /** A token naming a key not in the set fetches the set again, at most this often. */
  unknownKeyRefreshMs: number;
  /** After a failed fetch, no other is tried for this long. */
  failureHoldMs: number;
  now?: () => number;
}

export const DEFAULT_OPEN_ID_KEYS_OPTIONS: OpenIdKeysOptions = {
  fetchTimeoutMs: 2_500,
  refreshMs: 24 * 60 * 60 * 1000,
  unknownKeyRefreshMs: 5 * 60 * 1000,
  failureHoldMs: 10_000,
};

/** A key set is a handful of keys; anything much larger is not one. */
const MAX_KEYS = 64;

export class SigningKeysUnavailableError extends CodedError {
  readonly code = ERROR_CODES.signingKeysUnavailable;
  constructor(reason: string) {
    super(`signing keys unavailable: ${reason}`);
    this.name = 'SigningKeysUnavailableError';
  }
}

async function fetchJson(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not an http(s) URL');
  const response = await exchange({ url, method: 'GET', headers: { accept: 'application/json' } }, timeoutMs);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  const value: unknown = JSON.parse(response.text);
  if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

function keysOf(set: Record<string, unknown>): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const entries = Array.isArray(set.keys) ? set.keys.slice(0, MAX_KEYS) : [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { kty, kid, n, e } = entry as Record<string, unknown>;
    if (kty !== 'RSA' || typeof kid !== 'string' || typeof n !== 'string' || typeof e !== 'string') continue;
    try {
      keys.set(kid, createPublicKey({ key: { kty, n, e }, format: 'jwk' }));
    } catch {
      // A key that is not a valid RSA key signs nothing this bot accepts.
    }
  }
  return keys;
}

export class OpenIdKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private failure = 'not fetched yet';
  private loading: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly metadataUrl: string,
    private readonly options: OpenIdKeysOptions = DEFAULT_OPEN_ID_KEYS_OPTIONS,
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The key named `keyId`, or undefined when the set has no such key. Rejects with
   * SigningKeysUnavailableError when no key set could be had.
   */
  async key(keyId: string): Promise<KeyObject | undefined> {
    if (this.loading) await this.settled();
    const now = this.now();
    const fresh = now - this.fetchedAt < this.options.refreshMs;
    if (fresh && this.keys.has(keyId)) return this.keys.get(keyId);
    const due = !fresh || now - this.attemptedAt >= this.options.unknownKeyRefreshMs;
    const held = now - this.failedAt < this.options.failureHoldMs;
    if (due && !held) await this.settled(this.refresh());
    if (this.keys.size === 0) throw new SigningKeysUnavailableError(this.failure);
    return this.keys.get(keyId);
  }

  /** Waits for the fetch in progress; its failure shows in the state, not as a rejection here. */
  private async settled(loading = this.loading): Promise<void> {
    await loading?.catch(() => undefined);
  }

  private refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.now();
    try {
      const metadata = await fetchJson(this.metadataUrl, this.options.fetchTimeoutMs);
      if (typeof metadata.jwks_uri !== 'string') throw new Error('no jwks_uri');
      const keys = keysOf(await fetchJson(metadata.jwks_uri, this.options.fetchTimeoutMs));
      if (keys.size === 0) throw new Error('no RSA keys');
      this.keys = keys;
      this.fetchedAt = this.now();
    } catch (error) {
      this.failedAt = this.now();
      this.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw error;
    }
  }
}
