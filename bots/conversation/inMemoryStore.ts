/**
 * The conversation store in this process's memory: bounded and expiring, so memory stays flat.
 * Nothing survives a restart, and replicas don't share it.
 */
import { MemoryStore } from '../runtime/memoryStore';
import { TokenBuckets } from '../runtime/tokenBuckets';
import { CONVERSATION_LIMITS } from './limits';
import type { ConversationStore, SeenSpace, ValueSpace } from './store';

export function createInMemoryStore(now: () => number = Date.now): ConversationStore {
  const space = (limits: { ttlMs: number; maxEntries: number }) =>
    new MemoryStore<unknown>({ ...limits, now });
  const values: Record<ValueSpace, MemoryStore<unknown>> = {
    languageChoice: space(CONVERSATION_LIMITS.languageChoice),
    lastAnswer: space(CONVERSATION_LIMITS.lastAnswer),
  };
  const seen: Record<SeenSpace, MemoryStore<unknown>> = {
    delivery: space(CONVERSATION_LIMITS.delivery),
    notice: space(CONVERSATION_LIMITS.notice),
  };
  const buckets = new TokenBuckets({ maxKeys: CONVERSATION_LIMITS.rateBuckets.maxEntries, now });
  return {
    get: async (kind, key) => values[kind].get(key),
    set: async (kind, key, value, ttlMs) => values[kind].set(key, value, ttlMs),
    delete: async (kind, key) => values[kind].delete(key),
    async firstSeen(kind, key, ttlMs) {
      if (seen[kind].get(key) !== undefined) return false;
      seen[kind].set(key, true, ttlMs);
      return true;
    },
    take: async (key, limit) => buckets.take(key, limit),
    takeEach: async (takes) => takes.every(({ key, limit }) => buckets.take(key, limit)),
    async close() {},
  };
}
