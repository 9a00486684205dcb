/** The channels the server runs, from the settings. Each channel adds itself here. */
import { createTeamsChannel } from '../teams/channel';
import type { Channel } from './channel';
import type { Config } from './config';
import type { Logger } from './logger';

export function buildChannels(config: Config, logger: Logger): Channel[] {
  return [createTeamsChannel(config.teams, { logger })];
}
