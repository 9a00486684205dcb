import { Conversation } from '../../bots/conversation/conversation';
import { createLogger } from '../../bots/runtime/logger';
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { CHANNEL_PLUGINS, createChannels, describeChannels } from '../../bots/server/channels';
import { loadConfig } from '../../bots/server/config';

const logger = createLogger('silent');
const deps = () => ({
  logger,
  outbound: DEFAULT_OUTBOUND_POLICY,
  conversation: new Conversation({ logger }),
});

test('the channel list names each channel once', () => {
  expect(CHANNEL_PLUGINS.map((plugin) => plugin.name)).toEqual(['slack', 'teams']);
});

test('without Slack settings there is no Slack channel, and the start-up log says so', async () => {
  const config = loadConfig({});
  const channels = await createChannels(config, deps());
  expect(channels.map((channel) => channel.name)).toEqual(['teams']);
  expect(describeChannels(config, channels)).toContain('Slack: off (no SLACK_* settings)');
});

test('with Slack settings the Slack channel is built and described', async () => {
  const config = loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
  const channels = await createChannels(config, deps());
  expect(channels.map((channel) => channel.name)).toEqual(['slack', 'teams']);
  const lines = describeChannels(config, channels);
  expect(lines.join('\n')).toMatch(/POST \/slack\/events/);
  expect(lines.join('\n')).not.toContain('off');
});
