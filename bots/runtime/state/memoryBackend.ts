/**
 * State in this process's memory: `STATE_URL=memory:` for tests, and the fallback that keeps dedupe
 * and rate limits working within one process while Redis or the SQLite file is out of reach.
 * Bounded: past `maxEntries` the least recently written entry goes first, and expired entries are
 * dropped as they come to the front, so memory stays flat under any traffic.
 */
import type { Backend, BackendStatus, StoredText } from './backend';
import { flatKey, ownerPrefix } from './keys';
import { type BucketState, takeTokens } from './tokenBucket';
import type { BucketTake, RateDecision, StateKey } from './types';

interface Timed<V> {
  readonly value: V;
  readonly expiresAt: number;
}

const SWEEP_EVERY_WRITES = 1_024;

/** A Map in write order with expiry; the oldest write is evicted first. */
class ExpiringMap<V> {
  private readonly entries = new Map<string, Timed<V>>();
  private writes = 0;

  constructor(private readonly maxEntries: number) {}

  get(key: string, now: number): Timed<V> | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: V, expiresAt: number, now: number): void {
    // Re-inserting moves the key to the end of the Map's order, which is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    // Walking from the front costs more the more keys were deleted there (V8 skips their slots
    // until it rehashes), so expired entries are swept from the front only now and then.
    if (this.entries.size > this.maxEntries || ++this.writes % SWEEP_EVERY_WRITES === 0) this.dropFront(now);
  }

  /** Drops entries from the front while there are too many or they have expired. */
  private dropFront(now: number): void {
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expiresAt > now) return;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deleteWithPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface MemoryBackendOptions {
  /** Entries (values and seen ids) kept at most, and as many rate-limit buckets. */
  readonly maxEntries: number;
}

export class MemoryBackend implements Backend {
  readonly name = 'memory';
  private readonly values: ExpiringMap<string>;
  private readonly buckets: ExpiringMap<BucketState>;

  constructor(options: MemoryBackendOptions = { maxEntries: 100_000 }) {
    this.values = new ExpiringMap(options.maxEntries);
    this.buckets = new ExpiringMap(options.maxEntries);
  }

  async read(key: StateKey): Promise<StoredText | undefined> {
    const entry = this.values.get(flatKey(key), Date.now());
    return entry && { text: entry.value, expiresAt: entry.expiresAt };
  }

  async write(key: StateKey, text: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.values.set(flatKey(key), text, now + ttlMs, now);
  }

  async extend(key: StateKey, ttlMs: number): Promise<void> {
    const now = Date.now();
    const entry = this.values.get(flatKey(key), now);
    if (entry) this.values.set(flatKey(key), entry.value, now + ttlMs, now);
  }

  async remove(key: StateKey): Promise<void> {
    this.values.delete(flatKey(key));
    this.buckets.delete(flatKey(key));
  }

  async removeOwner(owner: string): Promise<void> {
    this.values.deleteWithPrefix(ownerPrefix(owner));
    this.buckets.deleteWithPrefix(ownerPrefix(owner));
  }

  async claim(key: StateKey, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const flat = flatKey(key);
    if (this.values.get(flat, now)) return false;
    this.values.set(flat, 'true', now + ttlMs, now);
    return true;
  }

  async take(buckets: readonly BucketTake[]): Promise<RateDecision> {
    const now = Date.now();
    const saved = buckets.map(({ key, limit }) => {
      const flat = flatKey(key);
      return { flat, limit, saved: this.buckets.get(flat, now)?.value };
    });
    const outcome = takeTokens(saved, now);
    for (const { bucket, state, ttlMs } of outcome.writes)
      this.buckets.set(bucket.flat, state, now + ttlMs, now);
    return outcome.decision;
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
