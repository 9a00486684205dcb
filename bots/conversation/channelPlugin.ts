/**
 * How a channel plugs into the bot: the composition root lists each channel's plugin; the plugin
 * reads the channel's settings before anything heavy loads, and only then loads the channel's module
 * (and its SDK) to build it. The channel gets the conversation layer and the shared runtime.
 */
import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';
import type { OutboundPolicy } from '../runtime/outbound/policy';
import type { SettingsReader } from '../runtime/settings';
import type { StateStore } from '../runtime/state';
import type { Conversation } from './conversation';

export interface ChannelDeps {
  logger: Logger;
  /** Timeouts and retries of every call to the channel's far end. */
  outbound: OutboundPolicy;
  conversation: Conversation;
  /**
   * The state store behind the conversation layer, for what a channel keeps itself (Slack's
   * installations, and deleting a workspace's data). Tests of channels that keep nothing leave it out.
   */
  state?: StateStore;
}

export interface ChannelSetup {
  /**
   * Set when the channel, so configured, answers requests that nobody authenticated (Teams' local
   * mode): why, for the server's check that it then listens on loopback only.
   */
  readonly unauthenticated?: string;
  /** Loads the channel's module, and with it its SDK, and builds the channel. */
  create(deps: ChannelDeps): Promise<Channel>;
}

export interface ChannelPlugin {
  readonly name: string;
  /** Reads the channel's settings, noting every problem; `off` says why the channel is not running. */
  configure(settings: SettingsReader): ChannelSetup | { off: string };
}
