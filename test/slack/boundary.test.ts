/** Slack's SDK stays inside bots/slack: the core and the other channels never import it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SLACK_SDK = /from ['"]@slack\//;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('only bots/slack imports @slack/*', () => {
  const offenders = [...sources(join(ROOT, 'core')), ...sources(join(ROOT, 'bots'))]
    .map((file) => relative(ROOT, file).split('\\').join('/'))
    .filter((file) => !file.startsWith('bots/slack/'))
    .filter((file) => SLACK_SDK.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(offenders).toEqual([]);
});

test('bots/slack never reads process.env', () => {
  const offenders = sources(join(ROOT, 'bots', 'slack')).filter((file) =>
    readFileSync(file, 'utf8').includes('process.env'),
  );
  expect(offenders).toEqual([]);
});
