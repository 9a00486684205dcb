/**
 * Mentions in channels (answered in the mention's thread) and direct messages (answered in the DM).
 * Events are acknowledged by Bolt before these run, so here there is time for the locale lookup.
 */
import { performance } from 'node:perf_hooks';
import type { App, webApi } from '@slack/bolt';
import { rateLimitedText } from '../../../core';
import { elapsedMs } from '../../runtime/elapsed';
import { turnReference } from '../../runtime/turnReference';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { slackApologyText } from '../conversation/apology';
import { slackToPlainText, stripBotMention } from '../conversation/incomingText';
import { answerMessage, apologyLocale } from '../conversation/outgoing';
import { threadKey } from '../state';
import type { HandlerContext } from './context';

interface Conversation {
  channel: string;
  /** Where the reply goes: a thread's root ts, or none for the top level of a DM. */
  replyThreadTs: string | undefined;
  /** The follow-up key: the same for every message of the thread or DM. */
  thread: string;
  userId: string;
  text: string;
  botUserId: string | undefined;
}

async function answerInConversation(
  handlers: HandlerContext,
  client: webApi.WebClient,
  conversation: Conversation,
): Promise<void> {
  const started = performance.now();
  const { answering, userLocales, limits } = handlers;
  // Every line of this turn carries one correlation id.
  const logger = handlers.logger.child({ turn: turnReference() });
  const { channel, replyThreadTs, userId } = conversation;
  const where = replyThreadTs ? { channel, thread_ts: replyThreadTs } : { channel };
  const chosen = answering.chosenLocale(userId);
  const decision = limits.check(userId, channel);
  if (decision !== 'allow') {
    logger.warn({ decision }, 'Slack: rate limited');
    if (decision === 'refuseWithNotice') {
      const locale = apologyLocale(chosen, userLocales.cached(userId));
      await client.chat.postMessage({ ...where, text: escapeMrkdwn(rateLimitedText(locale)) });
    }
    return;
  }
  // The Slack locale only matters when the user chose no language.
  const clientLocale = chosen ? userLocales.cached(userId) : await userLocales.lookUp(client, userId);
  try {
    const text = slackToPlainText(stripBotMention(conversation.text, conversation.botUserId));
    logger.debug({ text }, 'Slack message');
    const answer = answering.answer(text, { userId, clientLocale, thread: conversation.thread });
    await client.chat.postMessage({
      ...where,
      ...answerMessage(answer, { showFix: true, shareable: false }),
    });
    logger.info(
      { intent: answer.intent, codes: answer.codes, locale: answer.locale, latencyMs: elapsedMs(started) },
      'Slack: answered a message',
    );
  } catch (error) {
    const reference = turnReference();
    logger.error({ err: error, reference }, 'Slack: answering a message failed');
    try {
      await client.chat.postMessage({
        ...where,
        text: slackApologyText(apologyLocale(chosen, clientLocale), reference),
      });
    } catch (apologyError) {
      logger.error({ err: apologyError, reference }, 'Slack: the apology could not be sent either');
    }
  }
}

export function registerConversationEvents(app: App, handlers: HandlerContext): void {
  app.event('app_mention', async ({ event, context, client }) => {
    // Another bot mentioning this one could start an endless exchange.
    if (!event.user || event.bot_id) return;
    const root = event.thread_ts ?? event.ts;
    await answerInConversation(handlers, client, {
      channel: event.channel,
      replyThreadTs: root,
      thread: threadKey(event.channel, root),
      userId: event.user,
      text: event.text,
      botUserId: context.botUserId,
    });
  });

  app.event('message', async ({ event, context, client }) => {
    // Only what a person writes in a DM: no edits, joins or other subtypes, no bots (the bot itself).
    if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user) return;
    await answerInConversation(handlers, client, {
      channel: event.channel,
      replyThreadTs: event.thread_ts,
      thread: threadKey(event.channel, event.thread_ts ?? 'dm'),
      userId: event.user,
      text: event.text ?? '',
      botUserId: context.botUserId,
    });
  });
}
