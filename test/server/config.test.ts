import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { ConfigError, loadConfig } from '../../bots/server/config';

const failure = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error instanceof ConfigError ? error.setting : String(error);
  }
  return 'no error';
};

test('with no settings: local Teams on loopback, Slack off', () => {
  expect(loadConfig({})).toEqual({
    port: 3978,
    host: '127.0.0.1',
    logLevel: 'info',
    teams: { mode: 'local' },
    slack: { mode: 'off' },
    outbound: DEFAULT_OUTBOUND_POLICY,
  });
});

test('the outbound timeout and retries are settings, bounded so that a reply stays under 45 s', () => {
  expect(loadConfig({ OUTBOUND_TIMEOUT_MS: '2000', OUTBOUND_MAX_RETRIES: '0' }).outbound).toMatchObject({
    timeoutMs: 2000,
    maxAttempts: 1,
  });
  expect(failure({ OUTBOUND_TIMEOUT_MS: '2s' })).toBe('OUTBOUND_TIMEOUT_MS');
  expect(failure({ OUTBOUND_TIMEOUT_MS: '100' })).toBe('OUTBOUND_TIMEOUT_MS');
  expect(failure({ OUTBOUND_MAX_RETRIES: '9' })).toBe('OUTBOUND_MAX_RETRIES');
  // 4 attempts × 10 s + 3 waits × 10 s = 70 s.
  expect(failure({ OUTBOUND_TIMEOUT_MS: '10000', OUTBOUND_MAX_RETRIES: '3' })).toBe('OUTBOUND_MAX_RETRIES');
});

test('a bot registration authenticates Teams and listens on every interface', () => {
  const config = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', PORT: '8080' });
  expect(config).toMatchObject({
    port: 8080,
    host: '0.0.0.0',
    teams: { mode: 'authenticated', appType: 'MultiTenant' },
  });
});

test('Slack over HTTP and in Socket Mode', () => {
  expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toEqual({
    mode: 'http',
    signingSecret: 's',
    botToken: 'xoxb-1',
    apiUrl: 'https://slack.com/api/',
  });
  expect(
    loadConfig({
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    }).slack,
  ).toEqual({
    mode: 'socket',
    appToken: 'xapp-1',
    botToken: 'xoxb-1',
    apiUrl: 'http://127.0.0.1:9/api/',
  });
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ MicrosoftAppPassword: 'x' }, 'MicrosoftAppPassword'],
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
  expect(failure(env)).toBe(setting);
});

test('local mode listens beyond loopback only when told so on purpose', () => {
  expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  expect(loadConfig({ HOST: '0.0.0.0', ALLOW_LOCAL_MODE_ON_NETWORK: 'true' }).host).toBe('0.0.0.0');
  expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', HOST: '0.0.0.0' }).host).toBe(
    '0.0.0.0',
  );
});
