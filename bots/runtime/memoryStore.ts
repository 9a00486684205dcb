/**
 * A bounded map with expiry, in this process's memory, on its own clock and with a default
 * lifetime: for caches (a Slack user's locale) and for the conversation layer's in-memory state.
 * Memory stays flat however many users come by.
 */
// The state store's own map, imported alone: the store's index would load its database drivers.
import { ExpiringMap } from './state/expiringMap';

export interface MemoryStoreOptions {
  /** At most this many entries; the least recently written goes first. */
  maxEntries: number;
  /** An entry is forgotten this long after it was written, unless `set` says otherwise. */
  ttlMs: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

export class MemoryStore<V> {
  private readonly entries: ExpiringMap<V>;
  private readonly now: () => number;

  constructor(private readonly options: MemoryStoreOptions) {
    this.entries = new ExpiringMap(options.maxEntries);
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    return this.entries.get(key, this.now())?.value;
  }

  set(key: string, value: V, ttlMs: number = this.options.ttlMs): void {
    const now = this.now();
    this.entries.set(key, key, value, now + ttlMs, now);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
