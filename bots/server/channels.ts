/** The channels the server runs, from the settings. Each channel adds itself here. */

import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';
import { createSlackChannel } from '../slack/channel';
import { createTeamsChannel } from '../teams/channel';
import type { Config } from './config';

export function buildChannels(config: Config, logger: Logger): Channel[] {
  const { outbound } = config;
  const channels: Channel[] = [createTeamsChannel(config.teams, { logger, outbound })];
  if (config.slack.mode !== 'off') channels.push(createSlackChannel(config.slack, { logger, outbound }));
  return channels;
}

/** The start-up log's lines: how each channel runs, and which are off. */
export function describeChannels(config: Config, channels: readonly Channel[]): string[] {
  return [
    ...channels.map((channel) => channel.description),
    ...(config.slack.mode === 'off' ? ['Slack: off (no SLACK_* settings)'] : []),
  ];
}
