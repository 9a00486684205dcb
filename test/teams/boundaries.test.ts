/** The Teams SDK stays in bots/teams/, and errors reach the log without the requests they carry. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loggedError } from '../../bots/runtime/loggedError';

const ROOT = join(__dirname, '..', '..');
const BOT_FRAMEWORK = /from ['"](?:botbuilder[\w-]*|botframework-[\w-]+)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('only bots/teams/ imports botbuilder', () => {
  const offenders = [...sources(join(ROOT, 'core')), ...sources(join(ROOT, 'bots'))]
    .map((file) => relative(ROOT, file))
    .filter((file) => !file.startsWith(join('bots', 'teams')))
    .filter((file) => BOT_FRAMEWORK.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(offenders).toEqual([]);
});

test('bots/teams/ reads no environment variables', () => {
  const readers = sources(join(ROOT, 'bots', 'teams'))
    .filter((file) => readFileSync(file, 'utf8').includes('process.env'))
    .map((file) => relative(ROOT, file));
  // The app package script is a command-line entry point, like the server's main.
  expect(readers).toEqual([join('bots', 'teams', 'scripts', 'packageTeamsApp.ts')]);
});

test('a connector error is logged without its request and token', () => {
  const error = Object.assign(new Error('Forbidden'), {
    statusCode: 403,
    code: 'Forbidden',
    request: { url: 'https://smba.example/v3/x', headers: { authorization: 'Bearer eyJ.secret.token' } },
  });
  const logged = loggedError(error);
  expect(logged).toMatchObject({ name: 'Error', message: 'Forbidden', statusCode: 403, code: 'Forbidden' });
  expect(JSON.stringify(logged)).not.toContain('Bearer');
  expect(loggedError('plain')).toEqual({ name: 'NonError', message: 'plain' });
});
