/** How the Teams channel plugs into the server: its settings first, botbuilder only once they are good. */
import type { ChannelPlugin } from '../conversation/channelPlugin';
import { readTeamsSettings } from './settings';

export const plugin: ChannelPlugin = {
  name: 'teams',
  configure(reader) {
    const settings = readTeamsSettings(reader);
    return {
      ...(settings.mode === 'local'
        ? { unauthenticated: 'without MicrosoftAppId, Teams runs in local mode' }
        : {}),
      create: async (deps) => (await import('./channel')).createTeamsChannel(settings, deps),
    };
  },
};
