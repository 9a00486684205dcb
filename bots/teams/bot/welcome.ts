/** When the bot is added to a chat or a team, it introduces itself (the conversation layer says how). */
import type { TurnContext } from 'botbuilder';
import type { Welcome } from '../../conversation/message';
import { senderOf } from './activityInfo';

export function botWasAdded(context: TurnContext): boolean {
  const bot = context.activity.recipient.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === bot);
}

export function welcomeOf(context: TurnContext): Welcome {
  const { activity } = context;
  return {
    ...senderOf(activity),
    audience: activity.conversation.conversationType === 'personal' ? 'personal' : 'everyone',
  };
}
