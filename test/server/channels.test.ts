import { createLogger } from '../../bots/runtime/logger';
import { buildChannels, describeChannels } from '../../bots/server/channels';
import { loadConfig } from '../../bots/server/config';

const logger = createLogger('silent');

test('without Slack settings there is no Slack channel, and the start-up log says so', () => {
  const config = loadConfig({});
  const channels = buildChannels(config, logger);
  expect(channels.map((channel) => channel.name)).toEqual(['teams']);
  expect(describeChannels(config, channels)).toContain('Slack: off (no SLACK_* settings)');
});

test('with Slack settings the Slack channel is built and described', () => {
  const config = loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
  const channels = buildChannels(config, logger);
  expect(channels.map((channel) => channel.name)).toEqual(['teams', 'slack']);
  const lines = describeChannels(config, channels);
  expect(lines.join('\n')).toMatch(/POST \/slack\/events/);
  expect(lines.join('\n')).not.toContain('off');
});
