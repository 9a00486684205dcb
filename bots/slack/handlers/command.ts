/**
 * `/mailflow …`: answered in the acknowledgement itself (one round trip, visible only to the asker,
 * with "Share in channel"). Nothing slow may come before the ack, Slack allows 3 seconds: the user's
 * locale is used only if already cached, and looked up after the ack for next time.
 */
import { performance } from 'node:perf_hooks';
import type { App } from '@slack/bolt';
import { rateLimitedText } from '../../../core';
import { elapsedMs } from '../../runtime/elapsed';
import { turnReference } from '../../runtime/turnReference';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { slackApologyText } from '../conversation/apology';
import { answerMessage, apologyLocale } from '../conversation/outgoing';
import type { HandlerContext } from './context';

export const SLASH_COMMAND = '/mailflow';

export function registerSlashCommand(app: App, handlers: HandlerContext): void {
  const { answering, userLocales, limits } = handlers;
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    const started = performance.now();
    // Every line of this turn carries one correlation id.
    const logger = handlers.logger.child({ turn: turnReference() });
    const userId = command.user_id;
    const clientLocale = userLocales.cached(userId);
    const decision = limits.check(userId, command.channel_id);
    if (decision !== 'allow') {
      logger.warn({ decision }, 'Slack: rate limited');
      const locale = apologyLocale(answering.chosenLocale(userId), clientLocale);
      await (decision === 'refuseWithNotice'
        ? ack({ response_type: 'ephemeral', text: escapeMrkdwn(rateLimitedText(locale)) })
        : ack());
      return;
    }
    try {
      logger.debug({ text: command.text }, 'Slack slash command');
      const answer = answering.answer(command.text, { userId, clientLocale });
      await ack({
        response_type: 'ephemeral',
        ...answerMessage(answer, { showFix: true, shareable: true }),
      });
      logger.info(
        { intent: answer.intent, codes: answer.codes, locale: answer.locale, latencyMs: elapsedMs(started) },
        'Slack: answered a slash command',
      );
    } catch (error) {
      const reference = turnReference();
      logger.error({ err: error, reference }, 'Slack: answering a slash command failed');
      const locale = apologyLocale(answering.chosenLocale(userId), clientLocale);
      await ack({ response_type: 'ephemeral', text: slackApologyText(locale, reference) });
    }
    // After the ack: warm the cache so this user's next answer can follow their Slack locale.
    if (clientLocale === undefined) await userLocales.lookUp(client, userId);
  });
}
