/** What every Slack handler needs: the conversation layer, the locale lookup, the log, response URLs. */
import type { Conversation } from '../../conversation/conversation';
import type { Requester } from '../../conversation/message';
import type { Logger } from '../../runtime/logger';
import type { PostToResponseUrl } from '../outbound/responseUrl';
import type { UserLocales, UsersInfoClient } from '../userLocale';

export const CHANNEL_NAME = 'slack';

export interface HandlerContext {
  logger: Logger;
  conversation: Conversation;
  userLocales: UserLocales;
  /** `users.info` with the request's bot token, on the bot's own transport. */
  usersInfo: (botToken: string) => UsersInfoClient;
  /** Posts to a click's response_url under the outbound policy (Bolt's `respond` has no timeout). */
  postToResponseUrl: PostToResponseUrl;
}

/**
 * Keys of the channel's own ids: a Slack id is unique within its workspace, so the workspace comes
 * first (the conversation layer adds the channel's name).
 */
export const slackKey = (team: string, ...ids: string[]): string => [team, ...ids].join(':');

/**
 * What starts the key of everything kept for one workspace (`slack:T0123:`), users' languages and
 * conversations' last answers alike: the conversation layer puts the channel's name before our keys.
 */
export const workspacePrefix = (team: string): string => `${CHANNEL_NAME}:${slackKey(team)}:`;

/** Who asks for a live check, in the ids an allow-list names: `slack:TEAM` and `slack:TEAM:USER`. */
export function requesterOf(team: string, user: string): Requester {
  const key = `${CHANNEL_NAME}:${slackKey(team, user)}`;
  return { key, ids: [`${CHANNEL_NAME}:${team}`, key] };
}
