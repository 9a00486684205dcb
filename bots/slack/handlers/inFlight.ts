/**
 * Work that runs after Slack's ack (posting an answer, warming the locale cache) is tracked, so that
 * a shutdown lets answers in progress finish instead of cutting them off.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export class InFlightWork {
  private readonly running = new Set<Promise<unknown>>();

  /** Global middleware: everything after it (the listeners included) counts as in flight. */
  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  };

  get size(): number {
    return this.running.size;
  }

  /** Resolves when the work in flight now has finished, or after `timeoutMs`, whichever is first. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }
}
