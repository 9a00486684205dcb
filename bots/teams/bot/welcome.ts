/** When the bot is added to a chat or a team, it introduces itself with the help card. */
import type { TurnContext } from 'botbuilder';
import { HELP_REQUEST } from './messageTurn';
import { preferredLocale } from './preferences';
import { answerMessage } from './replies';
import type { TurnDeps } from './turnDeps';

export function botWasAdded(context: TurnContext): boolean {
  const bot = context.activity.recipient.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === bot);
}

export async function sendWelcome(context: TurnContext, deps: TurnDeps): Promise<void> {
  const answer = deps.answerer.answerAgain(HELP_REQUEST, preferredLocale(context, deps.state));
  // A new top-level message: in a team it starts its own thread in the channel it was added to.
  await context.sendActivity(answerMessage(answer));
  deps.logger.info(
    { locale: answer.locale, conversationType: context.activity.conversation.conversationType },
    'welcomed',
  );
}
