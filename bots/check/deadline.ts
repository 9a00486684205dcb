/**
 * The check's time: each step has its own limit, and the whole check one more (CHECK_TIMEOUT_MS),
 * so a server that answers every step just in time still can't hold a check past its total.
 */

/** Each step's own limit, in milliseconds: well above a healthy server's, well below the total default. */
export const STEP_LIMIT_MS = {
  dns: 5000,
  connect: 5000,
  reply: 5000,
  tls: 5000,
  /** QUIT is a courtesy: a server slow to say goodbye does not hold the result. */
  quit: 1000,
} as const;

export class Deadline {
  private readonly ends: number;

  constructor(
    totalMs: number,
    readonly now: () => number = Date.now,
  ) {
    this.ends = now() + totalMs;
  }

  /** How long a step may take: its own limit, or what is left of the total if that is less. */
  stepMs(limit: number): number {
    return Math.max(0, Math.min(limit, this.ends - this.now()));
  }
}

/** Measures one step. */
export function stopwatch(now: () => number): () => number {
  const started = now();
  return () => now() - started;
}
