/**
 * Clicks on an answer: show/hide the fix and switch the language redraw the answer in place; "Share
 * in channel" posts the private answer for everyone. An answer only the asker sees (a slash command's)
 * can only be changed through its `response_url`; a normal message through `chat.update`. The card
 * state comes back from the client, so it is decoded as untrusted input.
 */
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  RespondFn,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { type Answer, isLocale, type Locale } from '../../../core';
import { turnReference } from '../../runtime/turnReference';
import { ACTION_IDS } from '../blocks/answerBlocks';
import { type CardState, decodeCardState } from '../blocks/cardState';
import { slackApologyText } from '../conversation/apology';
import { answerMessage, apologyLocale } from '../conversation/outgoing';
import { respondVia } from '../outbound/responseUrl';
import { threadKey } from '../state';
import type { HandlerContext } from './context';

type ActionArgs<A extends BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;

/** Where the clicked message is, from the click's `container`. */
interface ClickedMessage {
  ephemeral: boolean;
  channel: string | undefined;
  ts: string | undefined;
}

class UnreadableCardError extends Error {
  constructor(what: string) {
    super(`unreadable ${what} in a Slack action`);
    this.name = 'UnreadableCardError';
  }
}

function clickedMessage(body: BlockAction): ClickedMessage {
  const { container } = body;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ephemeral: container.is_ephemeral === true,
    channel: text(container.channel_id) ?? body.channel?.id,
    ts: text(container.message_ts) ?? body.message?.ts,
  };
}

function stateOf(value: string | undefined): CardState {
  const state = decodeCardState(value);
  if (!state) throw new UnreadableCardError('card state');
  return state;
}

/** Draws the clicked answer again in place: a private one through its response URL, a public one by chat.update. */
async function redrawClickedAnswer(
  { body, client, respond }: ActionArgs<BlockAction>,
  answer: Answer,
  showFix: boolean,
): Promise<void> {
  const clicked = clickedMessage(body);
  const message = answerMessage(answer, { showFix, shareable: clicked.ephemeral });
  if (clicked.ephemeral || !clicked.channel || !clicked.ts) {
    await respond({ replace_original: true, ...message });
    return;
  }
  await client.chat.update({ channel: clicked.channel, ts: clicked.ts, ...message });
}

/** Runs an action's work after the ack; a failure becomes a private apology to the clicker. */
async function afterAck(
  { logger, answering }: HandlerContext,
  args: { ack: () => Promise<void>; respond: RespondFn; body: BlockAction },
  locale: () => Locale | undefined,
  work: () => Promise<void>,
): Promise<void> {
  await args.ack();
  try {
    await work();
  } catch (error) {
    const reference = turnReference();
    logger.error({ err: error, reference }, 'Slack: handling a click failed');
    const language = locale() ?? apologyLocale(answering.chosenLocale(args.body.user.id), undefined);
    try {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: slackApologyText(language, reference),
      });
    } catch (apologyError) {
      logger.error({ err: apologyError, reference }, 'Slack: the apology could not be sent either');
    }
  }
}

/** Posting where the bot is not a member fails; the click's response_url can still post there. */
const cannotPostThere = (error: unknown): boolean => {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return code === 'not_in_channel' || code === 'channel_not_found';
};

export function registerAnswerActions(app: App, handlers: HandlerContext): void {
  const { answering, logger } = handlers;
  // Every response_url post goes through the outbound policy instead of Bolt's untimed `respond`.
  const ours = <A extends ActionArgs<BlockAction>>(args: A): A => ({
    ...args,
    respond: respondVia(handlers.postToResponseUrl, args.body.response_url),
  });

  /** A button whose value carries the card's state; a failure is apologised for in the card's language. */
  const onStateButton = (
    args: ActionArgs<BlockAction<ButtonAction>>,
    work: (state: CardState) => Promise<void>,
  ): Promise<void> => {
    let state: CardState | undefined;
    return afterAck(
      handlers,
      args,
      () => state?.locale,
      async () => {
        state = stateOf(args.action.value);
        await work(state);
      },
    );
  };

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.toggleFix, async (boltArgs) => {
    const args = ours(boltArgs);
    await onStateButton(args, (state) =>
      redrawClickedAnswer(args, answering.again(state.request, state.locale), state.showFix),
    );
  });

  app.action<BlockAction<StaticSelectAction>>(ACTION_IDS.language, async (boltArgs) => {
    const args = ours(boltArgs);
    const picked = args.action.selected_option?.value;
    await afterAck(
      handlers,
      args,
      () => (isLocale(picked) ? picked : undefined),
      async () => {
        if (!isLocale(picked)) throw new UnreadableCardError('language');
        const state = stateOf(args.action.block_id);
        answering.choose(args.body.user.id, picked);
        await redrawClickedAnswer(args, answering.again(state.request, picked, picked), state.showFix);
        logger.info({ locale: picked }, 'Slack: a user picked a language');
      },
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async (boltArgs) => {
    const args = ours(boltArgs);
    await onStateButton(args, async (state) => {
      const message = answerMessage(answering.again(state.request, state.locale), {
        showFix: true,
        shareable: false,
      });
      const { channel } = clickedMessage(args.body);
      if (!channel) throw new UnreadableCardError('channel');
      try {
        const posted = await args.client.chat.postMessage({ channel, ...message });
        if (posted.ts) answering.remember(threadKey(channel, posted.ts), state.request);
      } catch (error) {
        if (!cannotPostThere(error)) throw error;
        await args.respond({ response_type: 'in_channel', replace_original: false, ...message });
      }
      await args.respond({ delete_original: true });
    });
  });

  // URL buttons open their link in the browser, but Slack still sends the click and expects an ack.
  app.action(/^mailflow_link_/, async ({ ack }) => {
    await ack();
  });
}
