/**
 * Group commit for the SQLite backend. A commit is most of what a small write costs (its WAL
 * writes, its locks), and every message writes two or three times (its delivery id, its rate-limit
 * buckets, its last answer). The writes that the requests in flight ask for during one turn of the
 * event loop are therefore run in one transaction, and share its commit; each caller still waits for
 * that commit, so a write that has resolved is written. Where the shared transaction fails (a full
 * disk, a lock held too long), every write in it is tried again alone, so that each caller gets its
 * own result or its own error.
 */

/** A write waiting for the next commit. */
interface Pending {
  run(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private pending: Pending[] = [];

  /**
   * @param together runs its argument inside one write transaction (`BEGIN IMMEDIATE` … `COMMIT`),
   *   rolled back where it throws.
   */
  constructor(private readonly together: (writes: () => void) => void) {}

  /** Runs `write` (synchronous database work) with the other writes of this turn; resolves after the commit. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.commit());
      this.pending.push({ run: write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /**
   * Commits what is waiting now, not at the end of the turn: before a delete, which must not be
   * overtaken by an earlier write, and before the database closes.
   */
  commit(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const results = batch.length > 1 ? this.runTogether(batch) : undefined;
    for (const [index, write] of batch.entries()) {
      if (results) {
        write.resolve(results[index]);
        continue;
      }
      try {
        write.resolve(write.run());
      } catch (error) {
        write.reject(error);
      }
    }
  }

  /** The writes' results, all committed; or `undefined` where the transaction was rolled back. */
  private runTogether(batch: readonly Pending[]): unknown[] | undefined {
    const results: unknown[] = [];
    try {
      this.together(() => {
        for (const write of batch) results.push(write.run());
      });
      return results;
    } catch {
      // Each write is tried again alone, and gets its own result or error.
      return undefined;
    }
  }
}
