/**
 * Preloaded (`node -r`) into each server the bench starts: answers "memory" over the IPC channel, so
 * the soak can sample RSS and heap without a line of product code knowing about benchmarks.
 */
import { answerParent } from './ipc';

answerParent('memory', () => {
  const { rss, heapUsed } = process.memoryUsage();
  return { type: 'memory', memory: { rss, heapUsed } };
});
