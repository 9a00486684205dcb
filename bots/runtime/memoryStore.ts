/**
 * Small state the bots keep between messages (a user's chosen language, the last code answered in a
 * conversation, event ids already handled). In memory by default; a shared store (Redis, a table)
 * can implement the same interface when the bot runs on several instances.
 */

export interface KeyValueStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
}

export interface MemoryStoreOptions {
  /** At most this many entries; the least recently written goes first. */
  maxEntries: number;
  /** An entry is forgotten this long after it was written. */
  ttlMs: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

/** A bounded map with expiry: memory stays flat however many users and conversations come by. */
export class MemoryStore<V> implements KeyValueStore<V> {
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

  set(key: string, value: V): void {
    // Re-inserting moves the key to the end of the Map's order, which is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs });
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
