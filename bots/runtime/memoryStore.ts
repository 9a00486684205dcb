/**
 * A bounded map with expiry, in this process's memory: for caches (a Slack user's locale) and for
 * the conversation layer's in-memory state. Memory stays flat however many users come by.
 */

export interface MemoryStoreOptions {
  /** At most this many entries; the least recently written goes first. */
  maxEntries: number;
  /** An entry is forgotten this long after it was written, unless `set` says otherwise. */
  ttlMs: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

export class MemoryStore<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly now: () => number;

  constructor(private readonly options: MemoryStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number = this.options.ttlMs): void {
    // Re-inserting moves the key to the end of the Map's order, which is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
