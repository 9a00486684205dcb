/**
 * `/mailflow …`: answered in the acknowledgement itself (one round trip, visible only to the asker,
 * with "Share in channel"); `/mailflow check HOST` acknowledges with the progress line, which the
 * result replaces once the check has run. Slack allows 3 seconds: a new user's first command waits for their
 * Slack locale (users.info) a bounded time (CONVERSATION_LIMITS.clientLocale.waitMs), so that it
 * follows their language instead of a placeholder and a second message.
 */
import type { App } from '@slack/bolt';
import type { UserMessage } from '../../conversation/message';
import { messageFor } from '../outgoing';
import { CHANNEL_NAME, type HandlerContext, requesterOf, slackKey } from './context';
import { replaceByResponseUrl } from './replacing';

export const SLASH_COMMAND = '/mailflow';

export function registerSlashCommand(app: App, handlers: HandlerContext): void {
  const { conversation, userLocales, usersInfo } = handlers;
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    const team = command.team_id;
    const user = command.user_id;
    const message: UserMessage = {
      channel: CHANNEL_NAME,
      user: slackKey(team, user),
      requester: requesterOf(team, user),
      conversation: slackKey(team, command.channel_id),
      clientLocale: userLocales.cached(team, user),
      lookUpClientLocale: () => userLocales.lookUp(usersInfo(client.token ?? ''), team, user),
      text: command.text,
      // A user's commands in one channel run as a private chat with the bot: follow-ups work there.
      place: { kind: 'chat', key: slackKey(team, command.channel_id, 'command', user) },
    };
    await conversation.respond(message, async (outcome) => {
      const reply = messageFor(outcome, true);
      await (reply ? ack({ response_type: 'ephemeral', ...reply }) : ack());
      // A live check's progress line is replaced by its result through the command's response URL.
      return outcome.kind === 'checking'
        ? { replace: replaceByResponseUrl(handlers.postToResponseUrl, command.response_url) }
        : undefined;
    });
  });
}
