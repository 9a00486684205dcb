/**
 * The SQLite backend on real files: the contract, the file's life across restarts, several
 * processes on one file, and the faults of a disk (a corrupt or foreign file, a full disk).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  openStateStore,
  parseStateSettings,
  STATE_ERROR_CODES,
  StateError,
  type StateStore,
} from '../../../bots/runtime/state';
import { SqliteBackend } from '../../../bots/runtime/state/sqliteBackend';
import { captureLogger } from '../../support/captureLogger';
import { newWorkspace, PER_USER, sleep, stateContract } from './contract';

jest.setTimeout(30_000);

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const DIST_STATE = join(__dirname, '..', '..', '..', 'dist', 'bots', 'runtime', 'state', 'index.js');

const folders: string[] = [];
function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'mailflow-sqlite-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function openAt(stateUrl: string, options: { key?: string; cwd?: string } = {}) {
  const log = captureLogger();
  const result = parseStateSettings(
    { STATE_URL: stateUrl, STATE_ENCRYPTION_KEY: options.key ?? KEY_A },
    options.cwd ?? '/',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { store: await openStateStore(result.settings, { logger: log.logger }), log };
}

/** The file's bytes with its WAL's: what a stolen disk would show. */
function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
}

stateContract('sqlite', { shared: true, raw: true }, async () => {
  const file = join(newFolder(), 'state.db');
  return {
    open: async () => (await openAt(`sqlite:${file}`)).store,
    rawContains: async (text) => fileBytes(file).includes(text),
    cleanup: async () => {},
  };
});

test('a relative path is taken from the working directory; folders are made; the file appears on first write', async () => {
  const cwd = newFolder();
  const { store } = await openAt('sqlite:./nested/folder/mailflow.db', { cwd });
  await store.set('languageChoice', 'slack:T1:U1', 'pl', 60_000);
  expect(statSync(join(cwd, 'nested', 'folder', 'mailflow.db')).isFile()).toBe(true);
  await store.close();
});

test('what was stored is there after a restart, and a clean close leaves no WAL to replay', async () => {
  const file = join(newFolder(), 'state.db');
  const ws = newWorkspace();
  const first = (await openAt(`sqlite:${file}`)).store;
  await first.set('languageChoice', `${ws}U1`, 'zh-CN', 60_000);
  await first.set('lastAnswer', `${ws}C1:1.2`, { codes: ['4.4.316'] }, 60_000);
  await first.firstSeen('delivery', `${ws}Ev1`, 60_000);
  await first.installations.put({ scope: 'team', teamId: 'T1' }, { bot: { token: 'xoxb-1' } });
  await first.close();
  expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);

  const second = (await openAt(`sqlite:${file}`)).store;
  expect(await second.get('languageChoice', `${ws}U1`)).toBe('zh-CN');
  expect(await second.get('lastAnswer', `${ws}C1:1.2`)).toEqual({ codes: ['4.4.316'] });
  expect(await second.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(false);
  expect(await second.installations.get({ scope: 'team', teamId: 'T1' })).toEqual({
    bot: { token: 'xoxb-1' },
  });
  await second.close();
});

test('writes asked for at once share a commit: the WAL grows by a few pages, not by pages for every write', async () => {
  const file = join(newFolder(), 'state.db');
  const { store } = await openAt(`sqlite:${file}`);
  const ws = newWorkspace();
  await store.set('languageChoice', `${ws}first`, 'es', 60_000);
  const walBefore = statSync(`${file}-wal`).size;
  const writes = 200;
  const answers = await Promise.all([
    ...Array.from({ length: writes }, (_, i) =>
      store.set('lastAnswer', `${ws}C${i}`, { codes: ['4.4.316'] }, 60_000),
    ),
    ...Array.from({ length: 20 }, () => store.firstSeen('delivery', `${ws}Ev1`, 60_000)),
    ...Array.from({ length: 20 }, () => store.take(`${ws}U1`, PER_USER)),
  ]);
  // Each caller still gets its own answer: one first sighting, the user's burst of ten.
  expect(answers.slice(writes, writes + 20).filter(Boolean)).toHaveLength(1);
  expect(answers.slice(writes + 20).filter(Boolean)).toHaveLength(PER_USER.burst);
  // A commit appends every page it changed (4 KiB each) to the WAL: one commit for all of them stays
  // within a few dozen pages, where a commit per write would append at least one page per write.
  const pageFrame = 4096 + 24;
  expect(statSync(`${file}-wal`).size - walBefore).toBeLessThan(40 * pageFrame);
  expect(await store.get('lastAnswer', `${ws}C${writes - 1}`)).toEqual({ codes: ['4.4.316'] });
  await store.close();
});

test('a delete asked for after a write is not overtaken by it', async () => {
  const file = join(newFolder(), 'state.db');
  const { store } = await openAt(`sqlite:${file}`);
  const ws = newWorkspace();
  const written = store.set('languageChoice', `${ws}U1`, 'pl', 60_000);
  await store.delete('languageChoice', `${ws}U1`);
  await written;
  expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
  await store.close();
});

test('an installation sealed with another key is not read, not deleted, and opens again with its key', async () => {
  const file = join(newFolder(), 'state.db');
  const team = { scope: 'team', teamId: 'T2' } as const;
  const withA = (await openAt(`sqlite:${file}`, { key: KEY_A })).store;
  await withA.installations.put(team, { bot: { token: 'xoxb-2' } });
  await withA.close();

  const { store: withB, log } = await openAt(`sqlite:${file}`, { key: KEY_B });
  expect(await withB.installations.get(team)).toBeUndefined();
  expect(log.lines().some((line) => line.setting === 'STATE_ENCRYPTION_KEY' && line.level === 50)).toBe(true);
  await withB.close();

  const again = (await openAt(`sqlite:${file}`, { key: KEY_A })).store;
  expect(await again.installations.get(team)).toEqual({ bot: { token: 'xoxb-2' } });
  await again.close();
});

test('without an encryption key, installations are refused rather than stored in the clear', async () => {
  const file = join(newFolder(), 'state.db');
  const result = parseStateSettings({ STATE_URL: `sqlite:${file}` }, '/');
  if (!result.ok) throw new Error('settings');
  const store = await openStateStore(result.settings, { logger: captureLogger().logger });
  await expect(
    store.installations.put({ scope: 'team', teamId: 'T3' }, { bot: { token: 'x' } }),
  ).rejects.toMatchObject({ code: STATE_ERROR_CODES.noEncryptionKey });
  await store.close();
});

/** Opens a store on a file that cannot be used; checks that it runs on memory, says why, and keeps the file. */
async function expectUnusable(file: string, problem: RegExp): Promise<void> {
  const before = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
  const { store, log } = await openAt(`sqlite:${file}`);
  const health = store.health();
  expect(health).toMatchObject({ backend: 'sqlite', status: 'degraded' });
  expect(health.status === 'degraded' && health.reason).toContain(file);
  expect(health.status === 'degraded' && health.reason).toMatch(problem);
  const error = log.lines().find((line) => line.level === 50 && line.setting === 'STATE_URL');
  expect(error).toMatchObject({ file });

  // It answers: from memory, for this process.
  await store.set('languageChoice', 'slack:T1:U1', 'pl', 60_000);
  expect(await store.get('languageChoice', 'slack:T1:U1')).toBe('pl');
  expect(await store.firstSeen('delivery', 'Ev1', 60_000)).toBe(true);
  expect(await store.firstSeen('delivery', 'Ev1', 60_000)).toBe(false);
  // An installation on memory would vanish at the next restart: refused.
  await expect(store.installations.put({ scope: 'team', teamId: 'T1' }, {})).rejects.toBeInstanceOf(
    StateError,
  );
  await store.close();
  if (before) expect(readFileSync(file).equals(before)).toBe(true);
}

test('a corrupt file: the store runs on memory, names the file, and leaves the file as it was', async () => {
  const file = join(newFolder(), 'state.db');
  writeFileSync(file, Buffer.concat([Buffer.from('not a database at all\n'), Buffer.alloc(8192, 0xa5)]));
  await expectUnusable(file, /not a database/);
});

test('a file damaged inside: reads fail over to memory, the store says so, the file is kept', async () => {
  const file = join(newFolder(), 'state.db');
  const ws = newWorkspace();
  const first = (await openAt(`sqlite:${file}`)).store;
  for (let i = 0; i < 200; i++) await first.set('languageChoice', `${ws}U${i}`, 'pl', 60_000);
  await first.close();
  // Every page after the first (the schema) overwritten: the header still says "SQLite".
  const bytes = readFileSync(file);
  bytes.fill(0xa5, 4096);
  writeFileSync(file, bytes);

  const { store, log } = await openAt(`sqlite:${file}`);
  expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
  const health = store.health();
  expect(health.status === 'degraded' && health.reason).toMatch(/malformed|corrupt|not a database/i);
  expect(health.status === 'degraded' && health.reason).toContain(file);
  expect(log.lines().some((line) => line.level === 50 && line.where === file)).toBe(true);
  expect(await store.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(true);
  await store.close();
  expect(readFileSync(file).equals(bytes)).toBe(true);
});

test('a folder where the file should be, and a file of another program, are refused the same way', async () => {
  const folder = join(newFolder(), 'state.db');
  mkdirSync(folder);
  await expectUnusable(folder, /unable to open|directory/i);

  const foreign = join(newFolder(), 'other.db');
  const other = new Database(foreign);
  other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
  other.close();
  await expectUnusable(foreign, /another program/);
});

test('a file from a newer version is refused and kept', async () => {
  const file = join(newFolder(), 'state.db');
  await (await openAt(`sqlite:${file}`)).store.close();
  const db = new Database(file);
  db.pragma('user_version = 7');
  db.close();
  await expectUnusable(file, /newer version/);
});

test('a file of the first schema is brought up to date with its rows kept', async () => {
  const file = join(newFolder(), 'state.db');
  // Schema 1, as the first release wrote it: entries in a rowid table.
  const old = new Database(file);
  old.exec(`
    CREATE TABLE entries (key TEXT NOT NULL, space TEXT NOT NULL, value TEXT NOT NULL,
      expires_at INTEGER NOT NULL, PRIMARY KEY (key, space));
    CREATE INDEX entries_by_expiry ON entries (expires_at);
    CREATE TABLE buckets (key TEXT NOT NULL PRIMARY KEY, tokens REAL NOT NULL,
      updated_at INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;`);
  const ws = newWorkspace();
  const insert = old.prepare('INSERT INTO entries VALUES (?, ?, ?, ?)');
  insert.run(
    `${ws}U1`,
    'languageChoice',
    JSON.stringify({ locale: 'pl', renewedAt: 1 }),
    Date.now() + 60_000,
  );
  insert.run(`${ws}Ev1`, 'delivery', 'true', Date.now() + 60_000);
  old.pragma(`application_id = ${0x4d464c57}`);
  old.pragma('user_version = 1');
  old.close();

  const { store, log } = await openAt(`sqlite:${file}`);
  expect(store.health()).toEqual({ backend: 'sqlite', status: 'ok' });
  expect(await store.get('languageChoice', `${ws}U1`)).toEqual({ locale: 'pl', renewedAt: 1 });
  expect(await store.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(false);
  await store.deleteByPrefix(ws);
  expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
  await store.close();
  expect(log.lines().filter((line) => Number(line.level) >= 40)).toEqual([]);

  const upgraded = new Database(file, { readonly: true });
  expect(upgraded.pragma('user_version', { simple: true })).toBe(2);
  const sql = (
    upgraded.prepare("SELECT sql FROM sqlite_schema WHERE name = 'entries'").get() as { sql: string }
  ).sql;
  expect(sql).toMatch(/WITHOUT ROWID/);
  upgraded.close();
});

test('expired rows are swept in batches; live ones stay', async () => {
  const file = join(newFolder(), 'state.db');
  const backend = SqliteBackend.open({ file, logger: captureLogger().logger });
  for (let i = 0; i < 1_234; i++) await backend.write('delivery', `Ev${i}`, 'true', 1);
  await backend.takeEach([{ key: 'message:u:slack:T1:U1', limit: { burst: 2, perSecond: 1_000 } }]);
  for (let i = 0; i < 10; i++) await backend.write('languageChoice', `slack:T1:U${i}`, '"pl"', 60_000);
  await sleep(20);
  expect(await backend.sweepExpired()).toBe(1_235);
  const db = new Database(file, { readonly: true });
  expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 10 });
  expect(db.prepare('SELECT count(*) AS n FROM buckets').get()).toEqual({ n: 0 });
  db.close();
  await backend.close();
});

/** A child process that opens the built store on `file` and reports what it saw, as JSON. */
function runChild(file: string, script: string): Promise<Record<string, number>> {
  const code = `
    const { openStateStore, parseStateSettings } = require(${JSON.stringify(DIST_STATE)});
    const logger = require('pino')({ level: 'silent' });
    (async () => {
      const store = await openStateStore(parseStateSettings({ STATE_URL: 'sqlite:' + ${JSON.stringify(file)} }, '/').settings, { logger });
      const result = await (async () => { ${script} })();
      await store.close();
      process.stdout.write(JSON.stringify(result));
    })().catch((error) => { process.stderr.write(String(error.stack)); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { cwd: join(__dirname, '..', '..', '..') });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('exit', (status) => (status === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
  });
}

test('processes sharing one file see each event once and share one rate limit', async () => {
  if (!existsSync(DIST_STATE))
    throw new Error(`${DIST_STATE} is missing: run npm run build first (npm test does)`);
  const file = join(newFolder(), 'state.db');
  // Creates the schema first, so that the children race on data, not on creating tables.
  await (await openAt(`sqlite:${file}`)).store.close();
  const limit = JSON.stringify(PER_USER);
  const script = `
    let first = 0, allowed = 0;
    for (let i = 0; i < 300; i++) {
      if (await store.firstSeen('delivery', 'Ev' + i, 60000)) first++;
      if (i % 10 === 0 && (await store.take('message:u:slack:T1:U1', ${limit}))) allowed++;
    }
    return { first, allowed };`;
  const results = await Promise.all([runChild(file, script), runChild(file, script), runChild(file, script)]);
  const total = (field: string) => results.reduce((sum, result) => sum + (result[field] ?? 0), 0);
  expect(total('first')).toBe(300);
  // 90 takes in well under 2 s: the burst of 10, perhaps one refilled token.
  expect(total('allowed')).toBeGreaterThanOrEqual(10);
  expect(total('allowed')).toBeLessThanOrEqual(11);
});

describe('a full disk', () => {
  let mountPoint: string;
  let store: StateStore | undefined;

  beforeAll(() => {
    mountPoint = newFolder();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `this test fills a 1 MiB tmpfs, and mounting one needs root (CI runs as root): ${(error as Error).message}`,
      );
    }
  });
  afterAll(async () => {
    await store?.close();
    execFileSync('umount', ['-l', mountPoint]);
  });

  test('writes are not kept and the store says so; what was stored stays; with room again it works again', async () => {
    const file = join(mountPoint, 'state.db');
    const opened = await openAt(`sqlite:${file}`);
    store = opened.store;
    const ws = newWorkspace();
    await store.set('languageChoice', `${ws}kept`, 'it', 60_000);
    await store.installations.put({ scope: 'team', teamId: 'T9' }, { bot: { token: 'xoxb-9' } });

    const filler = join(mountPoint, 'filler');
    const descriptor = openSync(filler, 'w');
    try {
      for (;;) writeSync(descriptor, Buffer.alloc(16 * 1024, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(descriptor);
    }

    const big = 'x'.repeat(32 * 1024);
    for (let i = 0; i < 40; i++) await store.set('languageChoice', `${ws}U${i}`, big, 60_000);
    const health = store.health();
    expect(health.status).toBe('degraded');
    expect(health.status === 'degraded' && health.reason).toContain(file);
    expect(health.status === 'degraded' && health.reason).toMatch(/full/i);
    expect(opened.log.lines().some((line) => line.level === 50 && line.where === file)).toBe(true);

    expect(await store.get('languageChoice', `${ws}kept`)).toBe('it');
    // Dedupe and limits go on, for this process.
    const seen = () => store?.firstSeen('delivery', `${ws}Ev1`, 60_000);
    expect([await seen(), await seen()]).toEqual([true, false]);

    rmSync(filler);
    await store.set('languageChoice', `${ws}after`, 'es', 60_000);
    expect(store.health()).toEqual({ backend: 'sqlite', status: 'ok' });
    expect(opened.log.lines().some((line) => line.msg === 'state store: working again')).toBe(true);
    await store.close();

    store = (await openAt(`sqlite:${file}`)).store;
    expect(await store.get('languageChoice', `${ws}kept`)).toBe('it');
    expect(await store.get('languageChoice', `${ws}after`)).toBe('es');
    expect(await store.installations.get({ scope: 'team', teamId: 'T9' })).toEqual({
      bot: { token: 'xoxb-9' },
    });
  });
});
