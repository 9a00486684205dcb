/**
 * The state store is shared runtime: it imports no channel, no composition root and no settings
 * source of its own, and each of its errors has a code of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_ERROR_CODES } from '../../../bots/runtime/state';

const FOLDER = join(__dirname, '..', '..', '..', 'bots', 'runtime', 'state');
const ALLOWED_PACKAGES = new Set(['better-sqlite3', 'ioredis', 'pino']);
const sources = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(FOLDER, name), 'utf8') }));

test('it imports only its own files, Node, and its three libraries', () => {
  const imports = sources.flatMap(({ name, text }) =>
    [...text.matchAll(/from '([^']+)'/g)].map((match) => ({ name, target: match[1] ?? '' })),
  );
  const outside = imports.filter(
    ({ target }) => !target.startsWith('./') && !target.startsWith('node:') && !ALLOWED_PACKAGES.has(target),
  );
  expect(outside).toEqual([]);
});

test('it never reads process.env: settings come in through parseStateSettings', () => {
  expect(sources.filter(({ text }) => text.includes('process.env')).map(({ name }) => name)).toEqual([]);
});

test('error codes are unique and say they are the state store’s', () => {
  const codes = Object.values(STATE_ERROR_CODES);
  expect(new Set(codes).size).toBe(codes.length);
  for (const code of codes) expect(code).toMatch(/^STATE_[A-Z_]+$/);
});
