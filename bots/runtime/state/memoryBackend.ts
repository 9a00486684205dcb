/**
 * State in this process's memory: `STATE_URL=memory:` for tests, and the fallback that keeps dedupe
 * and rate limits working within one process while Redis or the SQLite file is out of reach.
 * Bounded: past `maxEntries` the least recently written entry goes first, and expired entries are
 * dropped as they come to the front, so memory stays flat under any traffic.
 */

import type { Backend, BackendStatus, StoredText } from './backend';
import { ExpiringMap } from './expiringMap';
import { type BucketState, takeToken } from './tokenBucket';
import type { BucketTake, Clock, RateLimit } from './types';

export interface MemoryBackendOptions {
  /** Entries (values and seen ids) kept at most, and as many rate-limit buckets. */
  readonly maxEntries: number;
  readonly now?: Clock;
}

/** Spaces share one map: the id joins space and key with a character that neither may contain. */
const idOf = (space: string, key: string) => `${space}\u0000${key}`;

export class MemoryBackend implements Backend {
  readonly name = 'memory';
  private readonly values: ExpiringMap<string>;
  private readonly buckets: ExpiringMap<BucketState>;
  private readonly now: Clock;

  constructor(options: MemoryBackendOptions = { maxEntries: 100_000 }) {
    this.values = new ExpiringMap(options.maxEntries);
    this.buckets = new ExpiringMap(options.maxEntries);
    this.now = options.now ?? Date.now;
  }

  async read(space: string, key: string): Promise<StoredText | undefined> {
    const entry = this.values.get(idOf(space, key), this.now());
    return entry && { text: entry.value, expiresAt: entry.expiresAt };
  }

  async write(space: string, key: string, text: string, ttlMs: number): Promise<void> {
    const now = this.now();
    this.values.set(idOf(space, key), key, text, now + ttlMs, now);
  }

  async extend(space: string, key: string, ttlMs: number): Promise<void> {
    const now = this.now();
    const entry = this.values.get(idOf(space, key), now);
    if (entry) this.values.set(idOf(space, key), key, entry.value, now + ttlMs, now);
  }

  async remove(space: string, key: string): Promise<void> {
    this.values.delete(idOf(space, key));
  }

  async removeByPrefix(prefix: string): Promise<void> {
    this.values.deleteByPrefix(prefix);
    this.buckets.deleteByPrefix(prefix);
  }

  async claim(space: string, key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    if (this.values.get(idOf(space, key), now)) return false;
    this.values.set(idOf(space, key), key, 'true', now + ttlMs, now);
    return true;
  }

  async takeEach(buckets: readonly BucketTake[]): Promise<boolean> {
    return buckets.every(({ key, limit }) => this.takeOne(key, limit));
  }

  private takeOne(key: string, limit: RateLimit): boolean {
    const now = this.now();
    const outcome = takeToken(limit, this.buckets.get(key, now)?.value, now);
    if (outcome.taken) this.buckets.set(key, key, outcome.state, now + outcome.ttlMs, now);
    return outcome.taken;
  }

  status(): BackendStatus {
    return { ok: true };
  }

  async close(): Promise<void> {}

  /** Entries and buckets currently held (for tests of the bound). */
  get size(): number {
    return this.values.size + this.buckets.size;
  }
}
