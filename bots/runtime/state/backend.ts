/**
 * What each backend implements: the store's operations on JSON text, without the checks, the JSON,
 * the renewal rule, the encryption or the fallback when the backend fails, which the store adds once
 * for all three (store.ts). A backend may throw on any fault; the store decides what that means.
 */
import type { BucketTake, RateDecision, StateBackendName, StateKey } from './types';

export interface StoredText {
  readonly text: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** A backend's own view of its connection: Redis knows when it is cut off before any command fails. */
export type BackendStatus = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Backend {
  readonly name: StateBackendName;
  read(key: StateKey): Promise<StoredText | undefined>;
  write(key: StateKey, text: string, ttlMs: number): Promise<void>;
  /** Sets a live entry's remaining life to `ttlMs`; nothing when there is no live entry. */
  extend(key: StateKey, ttlMs: number): Promise<void>;
  remove(key: StateKey): Promise<void>;
  removeOwner(owner: string): Promise<void>;
  /** Records `key` for `ttlMs` unless a live record exists; true when this call recorded it. */
  claim(key: StateKey, ttlMs: number): Promise<boolean>;
  take(buckets: readonly BucketTake[]): Promise<RateDecision>;
  status(): BackendStatus;
  close(): Promise<void>;
}
