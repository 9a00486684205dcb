/**
 * `npx mailflow` from the project root runs the project's own command at once (CONTRACT.md): npx
 * finds it linked in node_modules/.bin and neither fetches nor copies the project into its cache.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

test('the root package declares no bin, so npx does not copy the project into its cache first', () => {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: unknown };
  expect(root.bin).toBeUndefined();
});

test('npx mailflow answers from the linked bin, offline, leaving npm cache untouched', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'mailflow-npm-cache-'));
  try {
    const { stdout, stderr } = await run('npx', ['--offline', 'mailflow', 'ask', 'what does 4.4.316 mean?'], {
      cwd: ROOT,
      // A cache of its own: whatever npx would fetch or copy would land here.
      env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false' },
      timeout: 20_000,
    });
    expect(stderr).toBe('');
    expect(stdout).toContain('4.4.316 Connection refused');
    expect(existsSync(join(cache, '_npx'))).toBe(false);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}, 30_000);
