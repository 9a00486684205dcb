/**
 * Preloaded (`node -r`) into each server the bench starts: answers "usage" over the IPC channel with
 * memory and CPU time, so that the bench can sample them without a line of product code knowing
 * about benchmarks.
 */
import { answerParent } from './ipc';

/** Present when the bench started the server with --expose-gc (the soak). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

answerParent('usage', () => {
  // Without a collection, heapUsed is wherever the sample falls in the GC sawtooth; after one it is
  // the live heap, which is what a leak makes grow.
  collectGarbage?.();
  const { rss, heapUsed } = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { type: 'usage', usage: { rss, heapUsed, cpuMicros: cpu.user + cpu.system } };
});
