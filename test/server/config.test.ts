import { DEFAULT_CHECK_SETTINGS } from '../../bots/check/settings';
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { ConfigError, SettingsReader } from '../../bots/runtime/settings';
import { loadConfig } from '../../bots/server/config';
import { readSlackSettings } from '../../bots/slack/settings';
import { readTeamsSettings } from '../../bots/teams/settings';

/** Every setting named by the error, in order; `[]` when the settings are good. */
const failures = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.setting);
    throw error;
  }
  return [];
};

const read = <T>(reader: (settings: SettingsReader) => T, env: Record<string, string>): T => {
  const settings = new SettingsReader(env);
  const value = reader(settings);
  settings.check();
  return value;
};

test('with no settings: local Teams on loopback, Slack off, state in ./data/mailflow.db', () => {
  const config = loadConfig({}, '/srv/bot');
  expect(config).toMatchObject({
    port: 3978,
    host: '127.0.0.1',
    logLevel: 'info',
    outbound: DEFAULT_OUTBOUND_POLICY,
    check: DEFAULT_CHECK_SETTINGS,
    state: {
      location: { backend: 'sqlite', file: '/srv/bot/data/mailflow.db' },
      sealing: { source: 'none' },
    },
    channelsOff: ['Slack: off (no SLACK_* settings)'],
  });
  expect(config.channels.map((channel) => channel.name)).toEqual(['teams']);
  expect(read(readTeamsSettings, {})).toEqual({ mode: 'local' });
});

test('the live check has its own section, and a wrong CHECK_ setting is named', () => {
  expect(
    loadConfig({ CHECK_DNS_SERVERS: '192.0.2.53, [2001:db8::53]:5353', CHECK_TIMEOUT_MS: '3000' }).check,
  ).toMatchObject({ dnsServers: ['192.0.2.53', '[2001:db8::53]:5353'], timeoutMs: 3000, port: 25 });
  expect(failures({ CHECK_DNS_SERVERS: 'dns.example' })).toEqual(['CHECK_DNS_SERVERS']);
  expect(failures({ CHECK_TIMEOUT_MS: '10s' })).toEqual(['CHECK_TIMEOUT_MS']);
  expect(failures({ CHECK_PORT: '70000' })).toEqual(['CHECK_PORT']);
  expect(failures({ CHECK_ENABLED: 'yes' })).toEqual(['CHECK_ENABLED']);
  expect(failures({ CHECK_ALLOW_PRIVATE_ADDRESSES: '1' })).toEqual(['CHECK_ALLOW_PRIVATE_ADDRESSES']);
});

test('a wrong STATE_URL or STATE_ENCRYPTION_KEY is a settings error naming it', () => {
  expect(failures({ STATE_URL: 'postgres://db/state' })).toEqual(['STATE_URL']);
  expect(failures({ STATE_ENCRYPTION_KEY: 'too-short' })).toEqual(['STATE_ENCRYPTION_KEY']);
});

test('the outbound timeout and retries are settings, bounded so that a reply stays under 45 s', () => {
  expect(loadConfig({ OUTBOUND_TIMEOUT_MS: '2000', OUTBOUND_MAX_RETRIES: '0' }).outbound).toMatchObject({
    timeoutMs: 2000,
    maxAttempts: 1,
  });
  expect(failures({ OUTBOUND_TIMEOUT_MS: '2s' })).toEqual(['OUTBOUND_TIMEOUT_MS']);
  expect(failures({ OUTBOUND_TIMEOUT_MS: '100' })).toEqual(['OUTBOUND_TIMEOUT_MS']);
  expect(failures({ OUTBOUND_MAX_RETRIES: '9' })).toEqual(['OUTBOUND_MAX_RETRIES']);
  // 4 attempts × 10 s + 3 waits × 10 s = 70 s.
  expect(failures({ OUTBOUND_TIMEOUT_MS: '10000', OUTBOUND_MAX_RETRIES: '3' })).toEqual([
    'OUTBOUND_MAX_RETRIES',
  ]);
});

test('a bot registration authenticates Teams and listens on every interface', () => {
  const env = { MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', PORT: '8080' };
  expect(loadConfig(env)).toMatchObject({ port: 8080, host: '0.0.0.0' });
  expect(read(readTeamsSettings, env)).toMatchObject({ mode: 'authenticated', appType: 'MultiTenant' });
});

test('Slack over HTTP and in Socket Mode', () => {
  expect(read(readSlackSettings, { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({
    mode: 'http',
    signingSecret: 's',
    botToken: 'xoxb-1',
    apiUrl: 'https://slack.com/api/',
  });
  expect(
    read(readSlackSettings, {
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    }),
  ).toEqual({ mode: 'socket', appToken: 'xapp-1', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9/api/' });
  expect(read(readSlackSettings, {})).toBeUndefined();
});

const OAUTH = {
  SLACK_CLIENT_ID: '1.2',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret',
};

test('Slack for many workspaces: the three OAuth settings and the signing secret, no token', () => {
  expect(read(readSlackSettings, { ...OAUTH, SLACK_SIGNING_SECRET: 's' })).toEqual({
    mode: 'oauth',
    signingSecret: 's',
    oauth: { clientId: '1.2', clientSecret: 'client-secret', stateSecret: 'state-secret' },
    apiUrl: 'https://slack.com/api/',
  });
  expect(failures({ ...OAUTH, SLACK_SIGNING_SECRET: 's' })).toEqual([]);
});

test.each([
  ['SLACK_BOT_TOKEN', 'xoxb-1'],
  ['SLACK_APP_TOKEN', 'xapp-1'],
])('the OAuth settings with %s are refused, the message naming both', (token, value) => {
  const env = { ...OAUTH, SLACK_SIGNING_SECRET: 's', [token]: value };
  expect(failures(env)).toEqual([token]);
  expect(() => loadConfig(env)).toThrow(new RegExp(`${token}: cannot be set together with SLACK_CLIENT_ID`));
});

test('a partial OAuth set names what is missing, never a secret', () => {
  const env = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'very-secret-value', SLACK_SIGNING_SECRET: 's' };
  expect(failures(env)).toEqual(['SLACK_STATE_SECRET']);
  expect(failures({ SLACK_STATE_SECRET: 'x' })).toEqual([
    'SLACK_CLIENT_ID',
    'SLACK_CLIENT_SECRET',
    'SLACK_SIGNING_SECRET',
  ]);
  expect(() => loadConfig(env)).not.toThrow(/very-secret-value/);
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ MicrosoftAppPassword: 'x' }, 'MicrosoftAppPassword'],
  [{ MicrosoftAppType: 'bogus' }, 'MicrosoftAppType'],
  [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
  [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
  [
    { MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' },
    'MicrosoftAppTenantId',
  ],
  [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
  [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
  [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN'],
  [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  [{ HOST: '0.0.0.0' }, 'HOST'],
  [{ HOST: '192.0.2.1', ALLOW_LOCAL_MODE_ON_NETWORK: 'yes' }, 'ALLOW_LOCAL_MODE_ON_NETWORK'],
])('%j is refused, naming %s', (env, setting) => {
  expect(failures(env)).toContain(setting);
});

test('every wrong or missing setting is named at once, never a secret’s value', () => {
  const env = {
    PORT: 'eighty',
    LOG_LEVEL: 'loud',
    MicrosoftAppId: 'id',
    MicrosoftAppType: 'SingleTenant',
    SLACK_SIGNING_SECRET: 'very-secret-value',
  };
  expect(failures(env)).toEqual([
    'SLACK_BOT_TOKEN',
    'MicrosoftAppPassword',
    'MicrosoftAppTenantId',
    'PORT',
    'LOG_LEVEL',
  ]);
  expect(() => loadConfig(env)).toThrow(/PORT: "eighty" is not a whole number/);
  try {
    loadConfig(env);
  } catch (error) {
    expect(String(error)).not.toContain('very-secret-value');
  }
});

test('local mode listens beyond loopback only when told so on purpose', () => {
  expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  expect(loadConfig({ HOST: '0.0.0.0', ALLOW_LOCAL_MODE_ON_NETWORK: 'true' }).host).toBe('0.0.0.0');
  expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', HOST: '0.0.0.0' }).host).toBe(
    '0.0.0.0',
  );
});
