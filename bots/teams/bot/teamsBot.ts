/**
 * Routing only: each Teams activity becomes a message, a card action, a welcome or a search for the
 * conversation layer, and its outcome goes back as a reply in the thread (or in place of a card).
 */
import {
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import type { Conversation } from '../../conversation/conversation';
import type { Reply } from '../../conversation/outcome';
import type { Logger } from '../../runtime/logger';
import { turnReference } from '../../runtime/turnReference';
import { placeOf, senderOf, textForBot } from './activityInfo';
import { cardActionKind, parseCheckServer, parseLanguageSwitch } from './cardActions';
import { answerSearch } from './messageExtension';
import { activityFor, replaceMessage, replacerAfterTurn, replyInThread } from './outgoing';
import { botWasAdded, welcomeOf } from './welcome';

const HANDLED_INVOKES = new Set(['composeExtension/query']);

/**
 * Sends an outcome as a reply in the incoming activity's thread; a check's progress line comes back
 * with the way to replace it by the result after the turn.
 */
export const replyTo =
  (context: TurnContext): Reply =>
  async (outcome) => {
    const message = activityFor(outcome);
    const sent = message && (await replyInThread(context, message));
    return outcome.kind === 'checking' && sent?.id
      ? { replace: replacerAfterTurn(context, sent.id) }
      : undefined;
  };

export class MailflowTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly conversation: Conversation,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      const { value, text } = context.activity;
      const cardAction = cardActionKind(value);
      if (cardAction === 'switchLanguage') await this.switchLanguage(context);
      else if (cardAction === 'checkServer') await this.checkServer(context);
      else if (value !== undefined && !text)
        this.logger.warn({ turn: turnReference() }, 'ignored a card action that is not ours');
      else await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context)) {
        // A new top-level message: in a team it starts its own thread in the channel it was added to.
        await this.conversation.welcome(welcomeOf(context), async (outcome) => {
          const message = activityFor(outcome);
          if (message) await context.sendActivity(message);
          return undefined;
        });
      }
      await next();
    });
  }

  private answer(context: TurnContext): Promise<void> {
    const { activity } = context;
    const message = { ...senderOf(activity), text: textForBot(activity), place: placeOf(activity) };
    return this.conversation.respond(message, replyTo(context));
  }

  /** "Check the server" on a card: the progress line and then the result come as a reply in the thread. */
  private async checkServer(context: TurnContext): Promise<void> {
    const { activity } = context;
    const action = parseCheckServer(activity.value);
    if (!action) {
      this.logger.warn({ turn: turnReference(), activityId: activity.id }, 'ignored a malformed check click');
      return;
    }
    await this.conversation.act(
      { ...senderOf(activity), action, place: placeOf(activity) },
      replyTo(context),
    );
  }

  /** The language picked on a card: the answer replaces the card, or comes as a reply where it cannot. */
  private async switchLanguage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const action = parseLanguageSwitch(activity.value);
    if (!action) {
      this.logger.warn(
        { turn: turnReference(), activityId: activity.id },
        'ignored a malformed language switch',
      );
      return;
    }
    const reply = replyTo(context);
    await this.conversation.act(
      { ...senderOf(activity), action, place: placeOf(activity) },
      async (outcome) => {
        const message = activityFor(outcome);
        if (outcome.kind !== 'answer' || !message || !activity.replyToId) return reply(outcome);
        try {
          await replaceMessage(context, activity.replyToId, message);
        } catch (error) {
          // A card the bot did not post (one a user inserted from the message extension) cannot be
          // edited by the bot: the answer comes as a new reply instead.
          this.logger.warn(
            { turn: turnReference(), err: error, replyToId: activity.replyToId },
            'card update failed, replying instead',
          );
          await replyInThread(context, message);
        }
        return undefined;
      },
    );
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
    const safe = typeof query === 'object' && query !== null ? query : {};
    return answerSearch(context, this.conversation, this.logger, safe);
  }
}
