/**
 * State in one SQLite file on the bot's own disk (`STATE_URL=sqlite:PATH`, the default), so that a
 * single machine needs nothing else. Several processes may open the same file: every operation is
 * one statement or one `BEGIN IMMEDIATE` transaction, and WAL mode lets readers run beside the
 * writer. better-sqlite3 is synchronous; each operation is a few microseconds of prepared
 * statement, well inside a message's budget.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Backend, BackendStatus, StoredText } from './backend';
import { describeFault, STATE_ERROR_CODES, StateError } from './errors';
import { type BucketState, takeTokens } from './tokenBucket';
import type { BucketTake, RateDecision, StateKey } from './types';

/** Marks the file as this bot's (`PRAGMA application_id`), so that another program's database is refused. */
const APPLICATION_ID = 0x4d464c57; // "MFLW"
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE entries (
  owner TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (owner, kind, id)
);
CREATE INDEX entries_by_expiry ON entries (expires_at);
-- Buckets live until refilled (seconds), so the table stays small: the sweep scans it, and a take
-- writes one B-tree per bucket, not three (table, key, expiry), which halves its cost.
CREATE TABLE buckets (
  owner TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
  tokens REAL NOT NULL,
  updated_at INTEGER NOT NULL,
  notice_sent INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (owner, kind, id)
) WITHOUT ROWID;
`;

/** Rows deleted per statement (sweeping, deleting an owner): each batch holds the write lock for a millisecond or so. */
const BATCH = 500;
const SWEEP_EVERY_MS = 60_000;
/** How long a write waits for another process's write to finish. */
const BUSY_TIMEOUT_MS = 1_000;

interface BucketRow {
  tokens: number;
  updated_at: number;
  notice_sent: number;
}

export interface SqliteBackendOptions {
  readonly file: string;
  /** For faults of the background sweep, which has no caller to tell. */
  readonly logger: Pick<Logger, 'warn'>;
}

/** Whether the file is new, ours, or not for us; read before anything is written to it. */
function checkFile(db: Database.Database): 'new' | 'ours' {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID)
    throw new Error('it is another program’s SQLite database');
  if (version > SCHEMA_VERSION)
    throw new Error(`it was written by a newer version of mailflow-bot (schema ${version})`);
  if (version === SCHEMA_VERSION) return 'ours';
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
    n: number;
  };
  if (tables.n > 0) throw new Error('it is another program’s SQLite database');
  return 'new';
}

function openDatabase(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    const found = checkFile(db);
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses at most the last moments before a power cut, never the file's integrity.
    db.pragma('synchronous = NORMAL');
    if (found === 'new') {
      db.transaction(() => {
        // Another process starting on the same new file may have been first.
        if (db.pragma('user_version', { simple: true }) === SCHEMA_VERSION) return;
        db.exec(SCHEMA);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepareStatements(db: Database.Database) {
  const key = 'owner = ? AND kind = ? AND id = ?';
  return {
    read: db.prepare<[string, string, string, number], { value: string; expires_at: number }>(
      `SELECT value, expires_at FROM entries WHERE ${key} AND expires_at > ?`,
    ),
    write: db.prepare(
      `INSERT INTO entries (owner, kind, id, value, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (owner, kind, id) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    ),
    extend: db.prepare(`UPDATE entries SET expires_at = ? WHERE ${key} AND expires_at > ?`),
    remove: db.prepare(`DELETE FROM entries WHERE ${key}`),
    removeBucket: db.prepare(`DELETE FROM buckets WHERE ${key}`),
    removeOwner: db.prepare(
      'DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries WHERE owner = ? LIMIT ?)',
    ),
    removeOwnerBuckets: db.prepare(
      'DELETE FROM buckets WHERE (owner, kind, id) IN (SELECT owner, kind, id FROM buckets WHERE owner = ? LIMIT ?)',
    ),
    // Replaces an expired record, never a live one: `changes` is 1 exactly when this call recorded it.
    claim: db.prepare(
      `INSERT INTO entries (owner, kind, id, value, expires_at) VALUES (?, ?, ?, 'true', ?)
       ON CONFLICT (owner, kind, id) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE entries.expires_at <= ?`,
    ),
    readBucket: db.prepare<[string, string, string, number], BucketRow>(
      `SELECT tokens, updated_at, notice_sent FROM buckets WHERE ${key} AND expires_at > ?`,
    ),
    writeBucket: db.prepare(
      `INSERT INTO buckets (owner, kind, id, tokens, updated_at, notice_sent, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (owner, kind, id) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at,
         notice_sent = excluded.notice_sent, expires_at = excluded.expires_at`,
    ),
    sweepEntries: db.prepare(
      'DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries WHERE expires_at <= ? LIMIT ?)',
    ),
    sweepBuckets: db.prepare(
      'DELETE FROM buckets WHERE (owner, kind, id) IN (SELECT owner, kind, id FROM buckets WHERE expires_at <= ? LIMIT ?)',
    ),
  };
}

export class SqliteBackend implements Backend {
  readonly name = 'sqlite';
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly takeAtomically: (buckets: readonly BucketTake[], now: number) => RateDecision;
  private readonly sweepTimer: NodeJS.Timeout;
  private sweeping = false;

  /** Opens (creating the folder and the file where needed); throws a `StateError` naming the file. */
  static open(options: SqliteBackendOptions): SqliteBackend {
    try {
      return new SqliteBackend(openDatabase(options.file), options);
    } catch (error) {
      throw new StateError(STATE_ERROR_CODES.sqliteOpen, `${options.file}: ${describeFault(error)}`, {
        cause: error,
      });
    }
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteBackendOptions,
  ) {
    this.statements = prepareStatements(db);
    // BEGIN IMMEDIATE takes the write lock before reading, so two processes never decide on the same
    // tokens (a deferred transaction would fail with SQLITE_BUSY when upgrading to write).
    const take = db.transaction((buckets: readonly BucketTake[], now: number): RateDecision => {
      const outcome = takeTokens(
        buckets.map(({ key, limit }) => ({ key, limit, saved: this.readBucket(key, now) })),
        now,
      );
      for (const { bucket, state, ttlMs } of outcome.writes) {
        const { owner, kind, id } = bucket.key;
        this.statements.writeBucket.run(
          owner,
          kind,
          id,
          state.tokens,
          state.updatedAt,
          state.noticeSent ? 1 : 0,
          now + ttlMs,
        );
      }
      return outcome.decision;
    });
    this.takeAtomically = (buckets: readonly BucketTake[], now: number) => take.immediate(buckets, now);
    this.sweepTimer = setInterval(() => void this.sweepExpired(), SWEEP_EVERY_MS).unref();
  }

  private readBucket({ owner, kind, id }: StateKey, now: number): BucketState | undefined {
    const row = this.statements.readBucket.get(owner, kind, id, now);
    return row && { tokens: row.tokens, updatedAt: row.updated_at, noticeSent: row.notice_sent === 1 };
  }

  async read({ owner, kind, id }: StateKey): Promise<StoredText | undefined> {
    const row = this.statements.read.get(owner, kind, id, Date.now());
    return row && { text: row.value, expiresAt: row.expires_at };
  }

  async write({ owner, kind, id }: StateKey, text: string, ttlMs: number): Promise<void> {
    this.statements.write.run(owner, kind, id, text, Date.now() + ttlMs);
  }

  async extend({ owner, kind, id }: StateKey, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.statements.extend.run(now + ttlMs, owner, kind, id, now);
  }

  async remove({ owner, kind, id }: StateKey): Promise<void> {
    this.statements.remove.run(owner, kind, id);
    this.statements.removeBucket.run(owner, kind, id);
  }

  /** In batches, like the sweep: a large workspace's uninstall does not stall every other message. */
  async removeOwner(owner: string): Promise<void> {
    for (const statement of [this.statements.removeOwner, this.statements.removeOwnerBuckets]) {
      await this.inBatches(() => statement.run(owner, BATCH).changes);
    }
  }

  async claim({ owner, kind, id }: StateKey, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.statements.claim.run(owner, kind, id, now + ttlMs, now).changes === 1;
  }

  async take(buckets: readonly BucketTake[]): Promise<RateDecision> {
    return this.takeAtomically(buckets, Date.now());
  }

  /**
   * Deletes expired rows in batches. Runs every minute; reads ignore expired rows anyway, so this
   * only bounds the file's size. Returns the number of rows deleted.
   */
  async sweepExpired(): Promise<number> {
    if (this.sweeping || !this.db.open) return 0;
    this.sweeping = true;
    let deleted = 0;
    try {
      for (const statement of [this.statements.sweepEntries, this.statements.sweepBuckets]) {
        deleted += await this.inBatches(() => statement.run(Date.now(), BATCH).changes);
      }
    } catch (error) {
      this.options.logger.warn(
        { file: this.options.file, err: error },
        'state store: sweeping expired rows failed; will try again',
      );
    } finally {
      this.sweeping = false;
    }
    return deleted;
  }

  /** Runs a batch delete until a batch comes back short, giving the event loop back in between. */
  private async inBatches(deleteBatch: () => number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const changes = deleteBatch();
      deleted += changes;
      if (changes < BATCH || !this.db.open) return deleted;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  status(): BackendStatus {
    return { ok: true };
  }

  /** Folds the WAL back into the file, so that a restart has nothing to replay, then closes. */
  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      // Another process holds the file; SQLite checkpoints when the last connection closes.
      this.options.logger.warn(
        { file: this.options.file, err: error },
        'state store: checkpoint on close failed',
      );
    }
    this.db.close();
  }
}
