/**
 * A bounded map with expiry in this process's memory, in write order: past `maxEntries` the least
 * recently written entries go first, and expired ones are dropped as they come to the front, so
 * memory stays flat under any traffic. The state store's memory backend and the bot's caches keep
 * their entries in it.
 */

export interface Timed<V> {
  /** The caller's key, for deleting by prefix. */
  readonly key: string;
  readonly value: V;
  readonly expiresAt: number;
}

const SWEEP_EVERY_WRITES = 1_024;
/**
 * Past the bound, this share of it goes at once. Each walk from the front first skips the slots
 * that earlier deletions left there (until V8 rehashes the Map), so one walk for many writes costs
 * little, while a walk for every write grew to about 30 µs a write at 100,000 entries.
 */
const EVICT_SHARE = 0.01;

/** A Map in write order with expiry; the oldest write is evicted first. Entries are found by an id. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, Timed<V>>();
  private writes = 0;

  /** How many entries an eviction leaves. */
  private readonly keepAfterEviction: number;

  constructor(private readonly maxEntries: number) {
    // A small map evicts one entry at a time: its walk is short.
    this.keepAfterEviction = maxEntries - Math.floor(maxEntries * EVICT_SHARE);
  }

  get(id: string, now: number): Timed<V> | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  set(id: string, key: string, value: V, expiresAt: number, now: number): void {
    // Re-inserting moves the entry to the end of the Map's order, which is the eviction order.
    this.entries.delete(id);
    this.entries.set(id, { key, value, expiresAt });
    // Walking from the front costs more the more keys were deleted there (V8 skips their slots
    // until it rehashes), so expired entries are swept from the front only now and then.
    if (this.entries.size > this.maxEntries) this.dropFront(now, this.keepAfterEviction);
    else if (++this.writes % SWEEP_EVERY_WRITES === 0) this.dropFront(now, this.maxEntries);
  }

  /** Drops entries from the front while there are more than `keep` or they have expired. */
  private dropFront(now: number, keep: number): void {
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= keep && entry.expiresAt > now) return;
      this.entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  deleteByPrefix(prefix: string): void {
    for (const [id, entry] of this.entries) if (entry.key.startsWith(prefix)) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
