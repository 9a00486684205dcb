/**
 * What each backend implements: the store's operations on JSON text, without the checks, the JSON,
 * the encryption or the fallback when the backend fails, which the store adds once for all three
 * (store.ts). A backend may throw on any fault; the store decides what that means.
 */
import type { BucketTake, StateBackendName } from './types';

export interface StoredText {
  readonly text: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** A backend's own view of its connection: Redis knows when it is cut off before any command fails. */
export type BackendStatus = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Backend {
  readonly name: StateBackendName;
  read(space: string, key: string): Promise<StoredText | undefined>;
  write(space: string, key: string, text: string, ttlMs: number): Promise<void>;
  /** Sets a live entry's remaining life to `ttlMs`; nothing when there is no live entry. */
  extend(space: string, key: string, ttlMs: number): Promise<void>;
  remove(space: string, key: string): Promise<void>;
  /** Removes the entries of every space, and the buckets, whose key starts with `prefix`. */
  removeByPrefix(prefix: string): Promise<void>;
  /** Records `key` for `ttlMs` unless a live record exists; true when this call recorded it. */
  claim(space: string, key: string, ttlMs: number): Promise<boolean>;
  /** The store's `takeEach`: each take atomic, all of them in one transaction where the backend has them. */
  takeEach(buckets: readonly BucketTake[]): Promise<boolean>;
  status(): BackendStatus;
  close(): Promise<void>;
}
