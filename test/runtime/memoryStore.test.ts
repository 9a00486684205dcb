import { MemoryStore } from '../../bots/runtime/memoryStore';

test('forgets an entry after its time', () => {
  let now = 0;
  const store = new MemoryStore<string>({ maxEntries: 10, ttlMs: 1000, now: () => now });
  store.set('a', 'x');
  now = 999;
  expect(store.get('a')).toBe('x');
  now = 1000;
  expect(store.get('a')).toBeUndefined();
});

test('keeps at most maxEntries, dropping the least recently written', () => {
  const store = new MemoryStore<number>({ maxEntries: 2, ttlMs: 60_000 });
  store.set('a', 1);
  store.set('b', 2);
  store.set('a', 3);
  store.set('c', 4);
  expect(store.get('b')).toBeUndefined();
  expect(store.get('a')).toBe(3);
  expect(store.get('c')).toBe(4);
  expect(store.size).toBe(2);
});

test('delete', () => {
  const store = new MemoryStore<number>({ maxEntries: 2, ttlMs: 60_000 });
  store.set('a', 1);
  store.delete('a');
  expect(store.get('a')).toBeUndefined();
});

test('an entry may be written with its own lifetime', () => {
  let now = 0;
  const store = new MemoryStore<string>({ maxEntries: 10, ttlMs: 1000, now: () => now });
  store.set('short', 'x', 10);
  store.set('long', 'y', 5000);
  now = 1000;
  expect(store.get('short')).toBeUndefined();
  expect(store.get('long')).toBe('y');
});
