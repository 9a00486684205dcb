/**
 * How a message the bot just sent is replaced later (a live check's progress line by its result):
 * a normal message by `chat.update`, the private reply to a slash command through its response URL.
 * Both go through the outbound policy; a failure is the conversation layer's to log.
 */
import type { webApi } from '@slack/bolt';
import type { Replace } from '../../conversation/outcome';
import type { PostToResponseUrl } from '../outbound/responseUrl';
import { messageFor } from '../outgoing';

export const replaceByUpdate =
  (client: webApi.WebClient, channel: string, ts: string): Replace =>
  async (outcome) => {
    const message = messageFor(outcome, false);
    if (message) await client.chat.update({ channel, ts, ...message });
  };

export const replaceByResponseUrl =
  (post: PostToResponseUrl, responseUrl: string): Replace =>
  async (outcome) => {
    const message = messageFor(outcome, false);
    if (message) await post(responseUrl, { replace_original: true, ...message });
  };

/** Slack cannot edit a private message except the one clicked: what follows comes as another one. */
export const followUpByResponseUrl =
  (post: PostToResponseUrl, responseUrl: string): Replace =>
  async (outcome) => {
    const message = messageFor(outcome, false);
    if (message) await post(responseUrl, { response_type: 'ephemeral', replace_original: false, ...message });
  };
