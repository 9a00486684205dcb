/**
 * `/mailflow …`: answered in the acknowledgement itself (one round trip, visible only to the asker,
 * with "Share in channel"). Nothing slow may come before the ack, Slack allows 3 seconds: the user's
 * locale is used only if already cached, and looked up after the ack for next time.
 */
import type { App } from '@slack/bolt';
import { turnReference } from '../../server/turnReference';
import { slackApologyText } from '../conversation/apology';
import { answerMessage, apologyLocale } from '../conversation/outgoing';
import type { HandlerContext } from './context';

export const SLASH_COMMAND = '/mailflow';

export function registerSlashCommand(app: App, { logger, answering, userLocales }: HandlerContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    const userId = command.user_id;
    const clientLocale = userLocales.cached(userId);
    try {
      logger.debug({ text: command.text }, 'Slack slash command');
      const answer = answering.answer(command.text, { userId, clientLocale });
      await ack({
        response_type: 'ephemeral',
        ...answerMessage(answer, { showFix: true, shareable: true }),
      });
      logger.info(
        { intent: answer.intent, codes: answer.codes, locale: answer.locale },
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
