/** How the Slack channel plugs into the server: its settings first, Bolt only once they are good. */
import type { ChannelPlugin } from '../conversation/channelPlugin';
import { readSlackSettings } from './settings';

export const plugin: ChannelPlugin = {
  name: 'slack',
  configure(reader) {
    const settings = readSlackSettings(reader);
    if (!settings) return { off: 'Slack: off (no SLACK_* settings)' };
    return { create: async (deps) => (await import('./channel')).createSlackChannel(settings, deps) };
  },
};
