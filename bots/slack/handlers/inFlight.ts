/**
 * Work that runs after Slack's ack (posting an answer, warming the locale cache) is tracked, so that
 * a shutdown lets answers in progress finish instead of cutting them off, and names each one it
 * still had to cut off by its turn's reference.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { turnReference } from '../../runtime/turnReference';

export class InFlightWork {
  /** Each piece of work, with its turn's reference. */
  private readonly running = new Map<Promise<unknown>, string>();

  /** Global middleware: everything after it (the listeners included) counts as in flight. */
  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    this.running.set(work, turnReference());
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  };

  get size(): number {
    return this.running.size;
  }

  /**
   * Resolves when no work is in flight (work that starts meanwhile included), or after `timeoutMs`,
   * whichever is first, with the references of the work still running then.
   */
  async drain(timeoutMs: number): Promise<string[]> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });
    while (this.running.size > 0 && !timedOut) {
      await Promise.race([Promise.allSettled([...this.running.keys()]), timeout]);
    }
    clearTimeout(timer);
    return [...this.running.values()];
  }
}
