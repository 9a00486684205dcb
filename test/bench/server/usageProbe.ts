/**
 * Preloaded (`node -r`) into each server the bench starts: answers "usage" over the IPC channel with
 * memory and CPU time, so that the bench can sample them without a line of product code knowing
 * about benchmarks.
 */
import { answerParent } from './ipc';

answerParent('usage', () => {
  const { rss, heapUsed } = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { type: 'usage', usage: { rss, heapUsed, cpuMicros: cpu.user + cpu.system } };
});
