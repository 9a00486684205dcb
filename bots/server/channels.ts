/** The channels the server runs: the plugins of the channel list, built from the settings. */
import type { ChannelDeps, ChannelPlugin } from '../conversation/channelPlugin';
import type { Channel } from '../runtime/channel';
import * as channelList from './channelList';
import type { Config } from './config';

/** The plugins, by name: a module's exports have no order that every toolchain keeps. */
export const CHANNEL_PLUGINS: readonly ChannelPlugin[] = Object.values<ChannelPlugin>(channelList).sort(
  (a, b) => a.name.localeCompare(b.name),
);

/** Builds the configured channels; each one's module (and SDK) loads now, after the settings were checked. */
export function createChannels(config: Config, deps: ChannelDeps): Promise<Channel[]> {
  return Promise.all(config.channels.map(({ setup }) => setup.create(deps)));
}

/** The start-up log's lines: how each channel runs, and which are off. */
export function describeChannels(config: Config, channels: readonly Channel[]): string[] {
  return [...channels.map((channel) => channel.description), ...config.channelsOff];
}
