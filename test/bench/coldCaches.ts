/**
 * Understanding as a server meets it: between two messages a server parses requests, renders cards,
 * logs and writes to sockets, and by the next message the processor's own caches (about 1 MiB of
 * L2 a core here) hold that work's data instead of understanding's tables and code. A loop that
 * understands message after message keeps everything cached and measures a best case; this one
 * touches `sweepBytes` of other memory between messages first, so that what understanding needs
 * comes from further away, as it does in the server.
 */
import { performance } from 'node:perf_hooks';

/** About two L2 caches' worth: what `npm run bench:server`'s per-message cost matches (see README). */
export const SERVER_LIKE_SWEEP_BYTES = 2 * 1024 * 1024;
const CACHE_LINE = 64;

/** Mean microseconds of `work(item)` over `rounds` passes of `items`, with `sweepBytes` touched before each. */
export function meanMicrosWithColdCaches<T>(
  items: readonly T[],
  work: (item: T) => unknown,
  { sweepBytes, rounds }: { sweepBytes: number; rounds: number },
): number {
  const other = new Uint8Array(Math.max(CACHE_LINE, sweepBytes));
  let micros = 0;
  let touched = 0;
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      // One write per cache line: each line of `other` is brought in, and something else leaves.
      for (let offset = 0; offset < other.length; offset += CACHE_LINE) {
        other[offset] = (other[offset] ?? 0) + 1;
        touched += other[offset] ?? 0;
      }
      const start = performance.now();
      work(item);
      micros += (performance.now() - start) * 1000;
    }
  }
  // Read, so that the sweep is not optimized away.
  if (touched < 0) throw new Error('unreachable');
  return micros / (rounds * items.length);
}
