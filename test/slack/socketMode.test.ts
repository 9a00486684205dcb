/** With SLACK_APP_TOKEN the channel uses Bolt's Socket Mode receiver and mounts no HTTP route. */
import { SocketModeReceiver } from '@slack/bolt';
import { createLogger } from '../../bots/runtime/logger';
import { createBotServer } from '../../bots/server/app';
import { loadConfig } from '../../bots/server/config';
import { boltLoggerFor } from '../../bots/slack/boltLogger';
import { createSlackChannel } from '../../bots/slack/channel';
import { RestifyReceiver } from '../../bots/slack/http/httpReceiver';
import { createReceiver } from '../../bots/slack/receiver';

const logger = createLogger('silent');
const slackConfig = (env: Record<string, string>) => {
  const { slack } = loadConfig(env);
  if (slack.mode === 'off') throw new Error('Slack is off');
  return slack;
};

test('SLACK_APP_TOKEN selects the Socket Mode receiver (constructed, not connected)', () => {
  const config = slackConfig({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_BOT_TOKEN: 'xoxb-test' });
  const picked = createReceiver(config, logger, boltLoggerFor(logger));
  expect(picked.kind).toBe('socket');
  expect(picked.receiver).toBeInstanceOf(SocketModeReceiver);
});

test('without it, the HTTP receiver on the shared server', () => {
  const config = slackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-test' });
  const picked = createReceiver(config, logger, boltLoggerFor(logger));
  expect(picked.kind).toBe('http');
  expect(picked.receiver).toBeInstanceOf(RestifyReceiver);
});

test('a Socket Mode channel says so and serves no /slack/events', async () => {
  const channel = createSlackChannel(
    slackConfig({
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    }),
    { logger },
  );
  expect(channel.description).toMatch(/Socket Mode/);
  // Mounted without being started: no connection is attempted.
  const server = createBotServer([], logger);
  channel.mount(server.server);
  const address = await new Promise<{ port: number }>((resolve) => {
    server.server.listen(0, '127.0.0.1', () => resolve(server.server.address() as { port: number }));
  });
  try {
    const response = await fetch(`http://127.0.0.1:${address.port}/slack/events`, {
      method: 'POST',
      body: '{}',
    });
    expect([404, 405]).toContain(response.status);
  } finally {
    await new Promise<void>((resolve) => server.server.close(() => resolve()));
  }
});
