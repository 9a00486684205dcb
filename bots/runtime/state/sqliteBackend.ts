/**
 * State in one SQLite file on the bot's own disk (`STATE_URL=sqlite:PATH`, the default), so that a
 * single machine needs nothing else. Several processes may open the same file: every operation is
 * one statement or one `BEGIN IMMEDIATE` transaction, and WAL mode lets readers run beside the
 * writer. better-sqlite3 is synchronous; each operation is a few microseconds of prepared
 * statement, well inside a message's budget, and the writes of the requests in flight share one
 * commit ({@link GroupCommit}).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Backend, BackendStatus, StoredText } from './backend';
import { describeFault, STATE_ERROR_CODES, StateError } from './errors';
import { GroupCommit } from './groupCommit';
import { type BucketState, takeToken } from './tokenBucket';
import type { BucketTake, Clock } from './types';

/** Marks the file as this bot's (`PRAGMA application_id`), so that another program's database is refused. */
const APPLICATION_ID = 0x4d464c57; // "MFLW"
const SCHEMA_VERSION = 2;

/**
 * Keyed by (key, space) alone, WITHOUT ROWID: a write updates two B-trees (the entries and the
 * expiry index), not three (a rowid table, its key index and the expiry index), which cuts a write's
 * cost by about a sixth. Keys first in the primary key, so that deleting by a key's prefix is a
 * range of it.
 */
const entriesTable = (name: string) => `
CREATE TABLE ${name} (
  key TEXT NOT NULL,
  space TEXT NOT NULL,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (key, space)
) WITHOUT ROWID;`;

const ENTRIES_BY_EXPIRY = 'CREATE INDEX entries_by_expiry ON entries (expires_at);';

const SCHEMA = `
${entriesTable('entries')}
${ENTRIES_BY_EXPIRY}
-- Buckets live until refilled (seconds), so the table stays small: the sweep scans it, and a take
-- writes one B-tree, not three (table, key, expiry), which halves its cost.
CREATE TABLE buckets (
  key TEXT NOT NULL PRIMARY KEY,
  tokens REAL NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** From schema 1 (entries in a rowid table): the same rows, in the table of schema 2. */
const UPGRADE_FROM_1 = `
${entriesTable('entries_upgraded')}
INSERT INTO entries_upgraded (key, space, value, expires_at) SELECT key, space, value, expires_at FROM entries;
DROP TABLE entries;
ALTER TABLE entries_upgraded RENAME TO entries;
${ENTRIES_BY_EXPIRY}
`;

/** Rows deleted per statement (sweeping, deleting by prefix): each batch holds the write lock for a millisecond or so. */
const BATCH = 500;
const SWEEP_EVERY_MS = 60_000;
/** How long a write waits for another process's write to finish. */
const BUSY_TIMEOUT_MS = 1_000;

interface BucketRow {
  tokens: number;
  updated_at: number;
}

export interface SqliteBackendOptions {
  readonly file: string;
  /** For faults of the background sweep, which has no caller to tell. */
  readonly logger: Pick<Logger, 'warn'>;
  readonly now?: Clock;
}

/**
 * The schema version of a file that is new (0) or ours, read before anything is written to it;
 * throws for a file that is not for us.
 */
function checkFile(db: Database.Database): number {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID)
    throw new Error('it is another program’s SQLite database');
  if (version > SCHEMA_VERSION)
    throw new Error(`it was written by a newer version of mailflow-bot (schema ${version})`);
  if (version > 0 && applicationId === APPLICATION_ID) return version;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
    n: number;
  };
  if (tables.n > 0 || version > 0) throw new Error('it is another program’s SQLite database');
  return 0;
}

/** Creates the schema in a new file, or brings an older one's up to date, its rows kept. */
function prepareSchema(db: Database.Database): void {
  db.transaction(() => {
    // Another process starting on the same file may have been first.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    db.exec(version === 0 ? SCHEMA : UPGRADE_FROM_1);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function openDatabase(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    const found = checkFile(db);
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses at most the last moments before a power cut, never the file's integrity.
    db.pragma('synchronous = NORMAL');
    if (found < SCHEMA_VERSION) prepareSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `*`, `?` and `[` are GLOB's wildcards; inside brackets each stands for itself. */
const globLiteral = (text: string) => text.replace(/[*?[]/g, '[$&]');

function prepareStatements(db: Database.Database) {
  const entry = 'key = ? AND space = ?';
  return {
    read: db.prepare<[string, string, number], { value: string; expires_at: number }>(
      `SELECT value, expires_at FROM entries WHERE ${entry} AND expires_at > ?`,
    ),
    write: db.prepare(
      `INSERT INTO entries (key, space, value, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key, space) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    ),
    extend: db.prepare(`UPDATE entries SET expires_at = ? WHERE ${entry} AND expires_at > ?`),
    remove: db.prepare(`DELETE FROM entries WHERE ${entry}`),
    // GLOB with a literal prefix runs as a range of the primary key.
    removeByPrefix: db.prepare(
      'DELETE FROM entries WHERE (key, space) IN (SELECT key, space FROM entries WHERE key GLOB ? LIMIT ?)',
    ),
    removeBucketsByPrefix: db.prepare(
      'DELETE FROM buckets WHERE key IN (SELECT key FROM buckets WHERE key GLOB ? LIMIT ?)',
    ),
    // Replaces an expired record, never a live one: `changes` is 1 exactly when this call recorded it.
    claim: db.prepare(
      `INSERT INTO entries (key, space, value, expires_at) VALUES (?, ?, 'true', ?)
       ON CONFLICT (key, space) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE entries.expires_at <= ?`,
    ),
    readBucket: db.prepare<[string, number], BucketRow>(
      'SELECT tokens, updated_at FROM buckets WHERE key = ? AND expires_at > ?',
    ),
    writeBucket: db.prepare(
      `INSERT INTO buckets (key, tokens, updated_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at,
         expires_at = excluded.expires_at`,
    ),
    sweepEntries: db.prepare(
      'DELETE FROM entries WHERE (key, space) IN (SELECT key, space FROM entries WHERE expires_at <= ? LIMIT ?)',
    ),
    sweepBuckets: db.prepare(
      'DELETE FROM buckets WHERE key IN (SELECT key FROM buckets WHERE expires_at <= ? LIMIT ?)',
    ),
  };
}

export class SqliteBackend implements Backend {
  readonly name = 'sqlite';
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly takeAtomically: (buckets: readonly BucketTake[], now: number) => boolean;
  private readonly writes: GroupCommit;
  private readonly sweepTimer: NodeJS.Timeout;
  private sweeping = false;
  private readonly now: Clock;

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
    this.now = options.now ?? Date.now;
    // BEGIN IMMEDIATE takes the write lock before reading, so two processes never decide on the same
    // tokens (a deferred transaction would fail with SQLITE_BUSY when upgrading to write).
    // A message's buckets share one transaction: each commit costs a handful of file writes and locks.
    const take = db.transaction((buckets: readonly BucketTake[], now: number): boolean => {
      for (const { key, limit } of buckets) {
        const outcome = takeToken(limit, this.readBucket(key, now), now);
        if (!outcome.taken) return false;
        this.statements.writeBucket.run(
          key,
          outcome.state.tokens,
          outcome.state.updatedAt,
          now + outcome.ttlMs,
        );
      }
      return true;
    });
    this.takeAtomically = (buckets, now) => take.immediate(buckets, now);
    const together = db.transaction((writes: () => void) => writes());
    this.writes = new GroupCommit((writes) => together.immediate(writes));
    this.sweepTimer = setInterval(() => void this.sweepExpired(), SWEEP_EVERY_MS).unref();
  }

  private readBucket(key: string, now: number): BucketState | undefined {
    const row = this.statements.readBucket.get(key, now);
    return row && { tokens: row.tokens, updatedAt: row.updated_at };
  }

  async read(space: string, key: string): Promise<StoredText | undefined> {
    const row = this.statements.read.get(key, space, this.now());
    return row && { text: row.value, expiresAt: row.expires_at };
  }

  async write(space: string, key: string, text: string, ttlMs: number): Promise<void> {
    await this.writes.run(() => this.statements.write.run(key, space, text, this.now() + ttlMs));
  }

  async extend(space: string, key: string, ttlMs: number): Promise<void> {
    await this.writes.run(() => {
      const now = this.now();
      this.statements.extend.run(now + ttlMs, key, space, now);
    });
  }

  /** After the writes asked for before it, which would otherwise bring the entry back. */
  async remove(space: string, key: string): Promise<void> {
    this.writes.commit();
    this.statements.remove.run(key, space);
  }

  /** In batches, like the sweep: a large workspace's uninstall does not stall every other message. */
  async removeByPrefix(prefix: string): Promise<void> {
    this.writes.commit();
    const pattern = `${globLiteral(prefix)}*`;
    for (const statement of [this.statements.removeByPrefix, this.statements.removeBucketsByPrefix]) {
      await this.inBatches(() => statement.run(pattern, BATCH).changes);
    }
  }

  claim(space: string, key: string, ttlMs: number): Promise<boolean> {
    return this.writes.run(() => {
      const now = this.now();
      return this.statements.claim.run(key, space, now + ttlMs, now).changes === 1;
    });
  }

  takeEach(buckets: readonly BucketTake[]): Promise<boolean> {
    return this.writes.run(() => this.takeAtomically(buckets, this.now()));
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
        deleted += await this.inBatches(() => statement.run(this.now(), BATCH).changes);
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
    this.writes.commit();
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
