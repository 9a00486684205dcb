/** With SLACK_APP_TOKEN the channel uses Bolt's Socket Mode receiver and serves no HTTP route. */
import { SocketModeReceiver } from '@slack/bolt';
import { Conversation } from '../../bots/conversation/conversation';
import { createLogger } from '../../bots/runtime/logger';
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { SettingsReader } from '../../bots/runtime/settings';
import { createBotServer } from '../../bots/server/app';
import { boltLoggerFor } from '../../bots/slack/boltLogger';
import { createSlackChannel } from '../../bots/slack/channel';
import { HttpReceiver } from '../../bots/slack/http/httpReceiver';
import { createReceiver } from '../../bots/slack/receiver';
import { readSlackSettings } from '../../bots/slack/settings';

const logger = createLogger('silent');
const receiverParts = {
  logger,
  boltLogger: boltLoggerFor(logger),
  clientOptions: {},
  state: undefined,
};

const slackConfig = (env: Record<string, string>) => {
  const settings = new SettingsReader(env);
  const slack = readSlackSettings(settings);
  settings.check();
  if (!slack) throw new Error('Slack is off');
  return slack;
};

test('SLACK_APP_TOKEN selects the Socket Mode receiver (constructed, not connected)', () => {
  const config = slackConfig({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_BOT_TOKEN: 'xoxb-test' });
  const picked = createReceiver(config, receiverParts);
  expect(picked.kind).toBe('socket');
  expect(picked.receiver).toBeInstanceOf(SocketModeReceiver);
});

test('without it, the HTTP receiver on the shared server', () => {
  const config = slackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-test' });
  const picked = createReceiver(config, receiverParts);
  expect(picked.kind).toBe('http');
  expect(picked.receiver).toBeInstanceOf(HttpReceiver);
});

test('a Socket Mode channel says so and serves no /slack/events', async () => {
  const channel = createSlackChannel(
    slackConfig({
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    }),
    { logger, outbound: DEFAULT_OUTBOUND_POLICY, conversation: new Conversation({ logger }) },
  );
  expect(channel.description).toMatch(/Socket Mode/);
  expect(channel.routes).toEqual([]);
  // Served without being started: no connection is attempted.
  const server = createBotServer([channel], logger);
  const address = await new Promise<{ port: number }>((resolve) => {
    server.server.listen(0, '127.0.0.1', () => resolve(server.server.address() as { port: number }));
  });
  try {
    const response = await fetch(`http://127.0.0.1:${address.port}/slack/events`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
  } finally {
    await new Promise<void>((resolve) => server.server.close(() => resolve()));
  }
});
