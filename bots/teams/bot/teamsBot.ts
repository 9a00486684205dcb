/** Routing only: which Teams activity goes to which part of the bot. */
import {
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { isLanguageSwitchValue, switchCardLanguage } from './cardActions';
import { answerSearch } from './messageExtension';
import { answerMessageTurn } from './messageTurn';
import type { TurnDeps } from './turnDeps';
import { botWasAdded, sendWelcome } from './welcome';

export type BotDeps = TurnDeps & { newReference: () => string };

export class MailflowTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const { value, text } = context.activity;
      if (isLanguageSwitchValue(value)) await switchCardLanguage(context, deps);
      else if (value !== undefined && !text) deps.logger.warn('ignored a card action that is not ours');
      else await answerMessageTurn(context, deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context)) await sendWelcome(context, deps);
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return answerSearch(context, this.deps, query);
  }
}
