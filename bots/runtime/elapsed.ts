import { performance } from 'node:perf_hooks';

/** Milliseconds since `started` (a `performance.now()` reading), to a tenth, for log lines. */
export const elapsedMs = (started: number): number => Math.round((performance.now() - started) * 10) / 10;
