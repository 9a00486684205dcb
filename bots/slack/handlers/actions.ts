/**
 * Clicks on an answer: opening or closing a fold and switching the language redraw the answer in place; "Share
 * in channel" posts the private answer for everyone. An answer only the asker sees (a slash command's)
 * can only be changed through its `response_url`; a normal message through `chat.update`. The card
 * state comes back from the client, so it is decoded as untrusted input; a click whose state no card
 * of ours wrote is acknowledged and ignored.
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
import { isLocale } from '../../../core';
import type { CardAction, CardClick } from '../../conversation/message';
import type { Delivered, Reply } from '../../conversation/outcome';
import { turnReference } from '../../runtime/turnReference';
import { ACTION_IDS } from '../blocks/answerBlocks';
import { decodeCardState, decodeCheckButton } from '../blocks/cardState';
import { type PostToResponseUrl, respondVia } from '../outbound/responseUrl';
import { answerMessage, messageFor } from '../outgoing';
import { CHANNEL_NAME, type HandlerContext, requesterOf, slackKey } from './context';
import { followUpByResponseUrl, replaceByUpdate } from './replacing';

type ActionArgs<A extends BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;

/** Where the clicked message is, from the click's `container`. */
interface ClickedMessage {
  ephemeral: boolean;
  channel: string | undefined;
  ts: string | undefined;
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

const teamOf = (body: BlockAction): string => body.user.team_id ?? body.team?.id ?? '';

/** The click as the conversation layer sees it: who, where, and the card action it asks for. */
function clickOf(args: ActionArgs<BlockAction>, action: CardAction): CardClick {
  const { body } = args;
  const team = teamOf(body);
  const clicked = clickedMessage(body);
  const channel = clicked.channel ?? '';
  const threadTs = (body.message as { thread_ts?: unknown } | undefined)?.thread_ts;
  const root = typeof threadTs === 'string' ? threadTs : clicked.ts;
  return {
    channel: CHANNEL_NAME,
    user: slackKey(team, body.user.id),
    requester: requesterOf(team, body.user.id),
    conversation: slackKey(team, channel),
    // The click's own timestamp: a replayed request carries the same one.
    deliveryId: slackKey(team, body.user.id, args.payload.action_ts),
    action,
    // A public answer's thread; a private one (ephemeral) has no thread others can follow up in.
    ...(clicked.ephemeral || !root ? {} : { place: { kind: 'thread', key: slackKey(team, channel, root) } }),
  };
}

/** Text outcomes (a notice, an apology) go only to the clicker, below the card. */
async function tellClicker(respond: RespondFn, text: string): Promise<undefined> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
  return undefined;
}

/** The answer drawn again in place: a private one through its response URL, a public one by chat.update. */
function redrawInPlace(args: ActionArgs<BlockAction>): Reply {
  return async (outcome) => {
    const clicked = clickedMessage(args.body);
    if (outcome.kind !== 'answer') {
      const message = messageFor(outcome, false);
      return message ? tellClicker(args.respond, message.text) : undefined;
    }
    const message = answerMessage(outcome.answer, {
      shareable: clicked.ephemeral,
      ...(outcome.open ? { open: outcome.open } : {}),
    });
    if (clicked.ephemeral || !clicked.channel || !clicked.ts)
      await args.respond({ replace_original: true, ...message });
    else await args.client.chat.update({ channel: clicked.channel, ts: clicked.ts, ...message });
    return undefined;
  };
}

/** Posting where the bot is not a member fails; the click's response_url can still post there. */
const cannotPostThere = (error: unknown): boolean => {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return code === 'not_in_channel' || code === 'channel_not_found';
};

/** The private answer posted for everyone, then removed; the new post's thread is where follow-ups go. */
function shareInChannel(args: ActionArgs<BlockAction>): Reply {
  return async (outcome): Promise<Delivered | undefined> => {
    const clicked = clickedMessage(args.body);
    if (outcome.kind !== 'answer' || !clicked.channel) {
      const message = messageFor(outcome, false);
      return message ? tellClicker(args.respond, message.text) : undefined;
    }
    // Shared as the asker was looking at it.
    const message = answerMessage(outcome.answer, {
      shareable: false,
      ...(outcome.open ? { open: outcome.open } : {}),
    });
    let delivered: Delivered | undefined;
    try {
      const posted = await args.client.chat.postMessage({ channel: clicked.channel, ...message });
      if (posted.ts) delivered = { place: slackKey(teamOf(args.body), clicked.channel, posted.ts) };
    } catch (error) {
      if (!cannotPostThere(error)) throw error;
      await args.respond({ response_type: 'in_channel', replace_original: false, ...message });
    }
    await args.respond({ delete_original: true });
    return delivered;
  };
}

/**
 * "Check the server": the progress line, and then the result in its place, go into the clicked
 * answer's thread. Under a private answer (a slash command's) they come as private messages too, the
 * result as a second one: Slack edits no private message but the one clicked.
 */
function checkInThread(args: ActionArgs<BlockAction>, post: PostToResponseUrl): Reply {
  return async (outcome) => {
    const message = messageFor(outcome, false);
    if (!message) return undefined;
    const clicked = clickedMessage(args.body);
    const checking = outcome.kind === 'checking';
    if (clicked.ephemeral || !clicked.channel) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
      return checking ? { replace: followUpByResponseUrl(post, args.body.response_url) } : undefined;
    }
    const threadTs = (args.body.message as { thread_ts?: unknown } | undefined)?.thread_ts;
    const root = typeof threadTs === 'string' ? threadTs : clicked.ts;
    const posted = await args.client.chat.postMessage({
      channel: clicked.channel,
      ...(root ? { thread_ts: root } : {}),
      ...message,
    });
    return checking && posted.ts
      ? { replace: replaceByUpdate(args.client, clicked.channel, posted.ts) }
      : undefined;
  };
}

export function registerAnswerActions(app: App, handlers: HandlerContext): void {
  const { conversation, logger } = handlers;
  /** Acks the click, reads its card state and hands it on; every response_url post goes through the outbound policy. */
  const onClick =
    <A extends BlockAction>(
      read: (args: ActionArgs<A>) => CardAction | undefined,
      reply: (args: ActionArgs<BlockAction>) => Reply,
    ) =>
    async (boltArgs: ActionArgs<A>): Promise<void> => {
      await boltArgs.ack();
      const args = {
        ...boltArgs,
        respond: respondVia(handlers.postToResponseUrl, boltArgs.body.response_url),
      };
      const action = read(args);
      if (!action) {
        logger.warn(
          { turn: turnReference(), actionId: args.payload.action_id },
          'ignored a click whose card state is unreadable',
        );
        return;
      }
      await conversation.act(clickOf(args, action), reply(args));
    };

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.anyFold,
    onClick((args) => {
      const state = decodeCardState(args.action.value);
      return state && { kind: 'fold', ...state };
    }, redrawInPlace),
  );

  app.action<BlockAction<StaticSelectAction>>(
    ACTION_IDS.language,
    onClick((args) => {
      const picked = args.action.selected_option?.value;
      const state = decodeCardState(args.action.block_id);
      return state && isLocale(picked) ? { kind: 'pickLanguage', ...state, locale: picked } : undefined;
    }, redrawInPlace),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.share,
    onClick((args) => {
      const state = decodeCardState(args.action.value);
      return state && { kind: 'share', ...state };
    }, shareInChannel),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.check,
    onClick(
      (args) => {
        const state = decodeCheckButton(args.action.value);
        return state && { kind: 'check', ...state };
      },
      (args) => checkInThread(args, handlers.postToResponseUrl),
    ),
  );

  // URL buttons and the links' overflow menu open their link in the browser, but Slack still sends
  // the click and expects an ack.
  app.action(/^mailflow_link_/, async ({ ack }) => {
    await ack();
  });
}
