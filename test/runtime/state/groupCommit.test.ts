/**
 * Group commit on a real (in-memory) SQLite database: the writes of one turn run in one
 * transaction, and a write that fails fails alone.
 */
import Database from 'better-sqlite3';
import { GroupCommit } from '../../../bots/runtime/state/groupCommit';

function openDatabase() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO notes (id, text) VALUES (?, ?)');
  const texts = () =>
    (db.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((row) => row.text);
  let transactions = 0;
  const together = db.transaction((writes: () => void) => writes());
  const group = new GroupCommit((writes) => {
    transactions++;
    together.immediate(writes);
  });
  return { db, insert, texts, group, transactions: () => transactions };
}

test('the writes asked for in one turn run in one transaction, each caller getting its own result', async () => {
  const { insert, texts, group, transactions } = openDatabase();
  const results = await Promise.all(
    [1, 2, 3, 4].map((id) => group.run(() => insert.run(id, `note ${id}`).changes)),
  );
  expect(results).toEqual([1, 1, 1, 1]);
  expect(transactions()).toBe(1);
  expect(texts()).toEqual(['note 1', 'note 2', 'note 3', 'note 4']);
  // A later turn is a later transaction.
  await Promise.all([group.run(() => insert.run(5, 'note 5')), group.run(() => insert.run(6, 'note 6'))]);
  expect(transactions()).toBe(2);
});

test('a write that fails fails alone: the others are written, and its caller gets its error', async () => {
  const { insert, texts, group } = openDatabase();
  const outcomes = await Promise.allSettled([
    group.run(() => insert.run(1, 'first')),
    group.run(() => insert.run(2, null)),
    group.run(() => insert.run(3, 'third')),
  ]);
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(outcomes[1]).toMatchObject({ reason: { code: 'SQLITE_CONSTRAINT_NOTNULL' } });
  expect(texts()).toEqual(['first', 'third']);
});

test('commit() runs what is waiting at once, so that a later statement is not overtaken', async () => {
  const { db, insert, texts, group } = openDatabase();
  const written = group.run(() => insert.run(1, 'before the delete'));
  group.commit();
  db.prepare('DELETE FROM notes').run();
  await written;
  expect(texts()).toEqual([]);
});
