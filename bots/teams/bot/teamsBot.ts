/** Routing only: which Teams activity goes to which part of the bot. */
import {
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { turnReference } from '../../runtime/turnReference';
import { isLanguageSwitchValue, switchCardLanguage } from './cardActions';
import { answerSearch } from './messageExtension';
import { answerMessageTurn } from './messageTurn';
import type { TurnDeps } from './turnDeps';
import { botWasAdded, sendWelcome } from './welcome';

const HANDLED_INVOKES = new Set(['composeExtension/query']);

export type BotDeps = TurnDeps & { newReference: () => string };

export class MailflowTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const turn = this.forTurn();
      const { value, text } = context.activity;
      if (isLanguageSwitchValue(value)) await switchCardLanguage(context, turn);
      else if (value !== undefined && !text) turn.logger.warn('ignored a card action that is not ours');
      else await answerMessageTurn(context, turn);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context)) await sendWelcome(context, this.forTurn());
      await next();
    });
  }

  /** The dependencies with a logger that marks every line of this turn with one correlation id. */
  private forTurn(): BotDeps {
    return { ...this.deps, logger: this.deps.logger.child({ turn: turnReference() }) };
  }

  /**
   * Only the invokes this bot offers (the search-based message extension) go to botbuilder's
   * handlers; any other is a request this bot doesn't take: 400. botbuilder would answer 501, or
   * fail on a malformed `value` it reads before dispatching.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (!HANDLED_INVOKES.has(context.activity.name ?? '')) return { status: 400 };
    return super.onInvokeActivity(context);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    // The query is the caller's `value`, which may be missing or malformed.
    return answerSearch(context, this.forTurn(), typeof query === 'object' && query !== null ? query : {});
  }
}
