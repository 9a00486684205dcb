/** STATE_URL and the installations' key, as the config loader reads them. */
import { inspect } from 'node:util';
import { DEFAULT_STATE_URL, parseStateSettings } from '../../../bots/runtime/state';

const CWD = '/srv/mailflow';
const KEY = Buffer.alloc(32, 9);

const location = (stateUrl: string | undefined) => {
  const result = parseStateSettings(stateUrl === undefined ? {} : { STATE_URL: stateUrl }, CWD);
  return result.ok ? result.settings.location : result.problems;
};

test.each([
  [undefined, { backend: 'sqlite', file: '/srv/mailflow/data/mailflow.db' }],
  ['', { backend: 'sqlite', file: '/srv/mailflow/data/mailflow.db' }],
  [DEFAULT_STATE_URL, { backend: 'sqlite', file: '/srv/mailflow/data/mailflow.db' }],
  ['sqlite:state.db', { backend: 'sqlite', file: '/srv/mailflow/state.db' }],
  ['sqlite:../shared/state.db', { backend: 'sqlite', file: '/srv/shared/state.db' }],
  ['sqlite:/var/lib/mailflow/state.db', { backend: 'sqlite', file: '/var/lib/mailflow/state.db' }],
  ['memory:', { backend: 'memory' }],
])('STATE_URL=%s → %o', (stateUrl, expected) => {
  expect(location(stateUrl)).toEqual(expected);
});

test.each([
  ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
  ['redis://cache.internal:6380/2', 'redis://cache.internal:6380/2'],
  ['rediss://:s3cret@cache.example.net:6380/0', 'rediss://:***@cache.example.net:6380/0'],
  ['redis://bot:s3cret@cache.example.net', 'redis://bot:***@cache.example.net'],
])('STATE_URL=%s is Redis, shown as %s', (stateUrl, display) => {
  const result = parseStateSettings({ STATE_URL: stateUrl }, CWD);
  expect(result.ok && result.settings.location).toMatchObject({ backend: 'redis', display });
  expect(
    result.ok && result.settings.location.backend === 'redis' && result.settings.location.url.reveal(),
  ).toBe(stateUrl);
});

test.each([
  ['postgres://u:s3cret@db/state', /is not a place for state/],
  ['sqlite:', /needs a file path/],
  ['sqlite::memory:', /use memory:/],
  ['sqlite://host/state.db', /no host part/],
  ['redis://', /not a valid URL|needs a host/],
  ['redis://:s3cret@cache:6379/zero', /database number/],
  ['redis://:s3cret@cache:6379/0?tls=true', /no \?options/],
  ['memory:please', /is not a place for state/],
])('STATE_URL=%s is refused, naming the setting and never the password', (stateUrl, problem) => {
  const result = parseStateSettings({ STATE_URL: stateUrl }, CWD);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0]).toMatchObject({ setting: 'STATE_URL', problem: expect.stringMatching(problem) });
  expect(JSON.stringify(result.problems)).not.toContain('s3cret');
});

test('the installations key: STATE_ENCRYPTION_KEY, else SLACK_STATE_SECRET, else none', () => {
  const sealing = (env: Record<string, string>) => {
    const result = parseStateSettings(env, CWD);
    return result.ok ? result.settings.sealing : result.problems;
  };
  const fromKey = sealing({ STATE_ENCRYPTION_KEY: KEY.toString('base64'), SLACK_STATE_SECRET: 'x' });
  expect(fromKey).toMatchObject({ source: 'key' });
  expect('key' in fromKey && fromKey.key.reveal().equals(KEY)).toBe(true);
  const urlSafe = sealing({ STATE_ENCRYPTION_KEY: KEY.toString('base64url') });
  expect('key' in urlSafe && urlSafe.key.reveal().equals(KEY)).toBe(true);
  expect(sealing({ SLACK_STATE_SECRET: 'a passphrase' })).toMatchObject({ source: 'secret' });
  expect(sealing({})).toEqual({ source: 'none' });
});

test.each([
  ['too short', Buffer.alloc(16).toString('base64')],
  ['too long', Buffer.alloc(48).toString('base64')],
  ['not base64', `${'!'.repeat(43)}=`],
])('STATE_ENCRYPTION_KEY %s is refused', (_label, key) => {
  const result = parseStateSettings({ STATE_ENCRYPTION_KEY: key }, CWD);
  expect(result.ok || result.problems).toEqual([
    { setting: 'STATE_ENCRYPTION_KEY', problem: expect.any(String) },
  ]);
});

test('both settings wrong: both are named at once', () => {
  const result = parseStateSettings({ STATE_URL: 'mysql:', STATE_ENCRYPTION_KEY: 'short' }, CWD);
  expect(result.ok || result.problems.map(({ setting }) => setting)).toEqual([
    'STATE_URL',
    'STATE_ENCRYPTION_KEY',
  ]);
});

test('secrets in the settings print as [redacted], however they are logged', () => {
  const result = parseStateSettings(
    { STATE_URL: 'redis://:s3cret@cache:6379/0', STATE_ENCRYPTION_KEY: KEY.toString('base64') },
    CWD,
  );
  expect(result.ok).toBe(true);
  const printed = `${JSON.stringify(result)} ${inspect(result, { depth: 10 })} ${String(result.ok && result.settings.sealing)}`;
  expect(printed).not.toContain('s3cret');
  expect(printed).not.toContain(KEY.toString('base64'));
  expect(printed).toContain('[redacted]');
});
