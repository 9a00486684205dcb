/** The core knows no channel: nothing under core/ imports an adapter or a channel SDK. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CORE = join(__dirname, '..', 'core');
const FORBIDDEN =
  /from ['"](?:botbuilder[\w-]*|botframework-[\w-]+|@slack\/[\w-]+|restify|(?:\.\.\/)+bots\/[^'"]*)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('core imports no channel SDK and nothing from bots/', () => {
  const offenders = sources(CORE).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

test('core never reads process.env', () => {
  const offenders = sources(CORE).filter((file) => readFileSync(file, 'utf8').includes('process.env'));
  expect(offenders).toEqual([]);
});
