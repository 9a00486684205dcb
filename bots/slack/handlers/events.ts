/**
 * Mentions in channels (answered in the mention's thread) and direct messages (answered in the DM).
 * Events are acknowledged by Bolt before these run, so here there is time for the locale lookup.
 */
import type { App, webApi } from '@slack/bolt';
import type { Place, UserMessage } from '../../conversation/message';
import { slackToPlainText, stripBotMention } from '../incomingText';
import { messageFor } from '../outgoing';
import { CHANNEL_NAME, type HandlerContext, requesterOf, slackKey } from './context';
import { replaceByUpdate } from './replacing';

interface Posted {
  team: string;
  channel: string;
  user: string;
  text: string;
  /** Slack's id of the event: a redelivery of it is not answered again. */
  eventId: string | undefined;
  /** Where the reply goes: a thread's root ts, or none for the top level of a DM. */
  replyThreadTs: string | undefined;
  place: Place;
  botUserId: string | undefined;
}

async function answerPosted(
  handlers: HandlerContext,
  client: webApi.WebClient,
  posted: Posted,
): Promise<void> {
  const { conversation, userLocales, usersInfo } = handlers;
  const { team, channel, user, replyThreadTs } = posted;
  const where = replyThreadTs ? { channel, thread_ts: replyThreadTs } : { channel };
  const message: UserMessage = {
    channel: CHANNEL_NAME,
    user: slackKey(team, user),
    requester: requesterOf(team, user),
    conversation: slackKey(team, channel),
    clientLocale: userLocales.cached(team, user),
    lookUpClientLocale: () => userLocales.lookUp(usersInfo(client.token ?? ''), team, user),
    deliveryId: posted.eventId,
    text: slackToPlainText(stripBotMention(posted.text, posted.botUserId)),
    place: posted.place,
  };
  await conversation.respond(message, async (outcome) => {
    const reply = messageFor(outcome, false);
    if (!reply) return undefined;
    const posted = await client.chat.postMessage({ ...where, ...reply });
    // A live check's progress line: its result takes its place.
    return outcome.kind === 'checking' && posted.ts
      ? { replace: replaceByUpdate(client, channel, posted.ts) }
      : undefined;
  });
}

const eventIdOf = (body: unknown): string | undefined => {
  const id = (body as { event_id?: unknown } | undefined)?.event_id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

export function registerConversationEvents(app: App, handlers: HandlerContext): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    // Another bot mentioning this one could start an endless exchange.
    if (!event.user || event.bot_id) return;
    const team = context.teamId ?? body.team_id;
    const root = event.thread_ts ?? event.ts;
    const key = slackKey(team, event.channel, root);
    await answerPosted(handlers, client, {
      team,
      channel: event.channel,
      user: event.user,
      text: event.text,
      eventId: eventIdOf(body),
      replyThreadTs: root,
      place: event.thread_ts ? { kind: 'thread', key } : { kind: 'channelRoot', key },
      botUserId: context.botUserId,
    });
  });

  app.event('message', async ({ event, body, context, client }) => {
    // Only what a person writes in a DM: no edits, joins or other subtypes, no bots (the bot itself).
    if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user) return;
    const team = context.teamId ?? body.team_id;
    await answerPosted(handlers, client, {
      team,
      channel: event.channel,
      user: event.user,
      text: event.text ?? '',
      eventId: eventIdOf(body),
      replyThreadTs: event.thread_ts,
      // A DM is one conversation, its threads included.
      place: { kind: 'chat', key: slackKey(team, event.channel) },
      botUserId: context.botUserId,
    });
  });
}
