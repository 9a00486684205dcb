/**
 * What the conversation layer is given, as plain data: each adapter turns its SDK's event into one
 * of these and knows nothing of the rules applied to it.
 */
import type { AnswerRequest, FoldId, Locale } from '../../core';
import type { Requester } from './liveCheck';

export type { Requester };

/**
 * Where a message was written, which decides what a follow-up ("how do I fix it?") can refer to.
 * `key` names the place within the channel; the answer's request is remembered under it.
 */
export type Place =
  /** A personal chat, a group chat, a DM, a user's slash commands in one channel: one running conversation. */
  | { kind: 'chat'; key: string }
  /** A reply inside a channel thread. */
  | { kind: 'thread'; key: string }
  /** A new post at a channel's top level: it starts the thread `key` and follows up on nothing. */
  | { kind: 'channelRoot'; key: string };

/** Who is talking to the bot, and where. */
export interface Sender {
  /** The channel's name (`teams`, `slack`): keeps one channel's ids apart from another's. */
  channel: string;
  /** The user's stable id in the channel; their chosen language is kept under it. */
  user: string;
  /** The conversation (chat, channel) the rate limit per conversation counts in. */
  conversation: string;
  /** The client's locale, where the channel tells it with the event (Teams `activity.locale`). */
  clientLocale?: string | undefined;
  /**
   * The channel's id for this delivery (a Slack event id, a Teams activity id, a click's timestamp):
   * a delivery seen before (a retry, a replay) is not handled again.
   */
  deliveryId?: string | undefined;
  /**
   * Who asks, in the ids a live check's allow-list names (the person's and their organization's);
   * where the channel gives none, the user's own key within the channel.
   */
  requester?: Requester | undefined;
}

export interface UserMessage extends Sender {
  /** The words meant for the bot, as plain text (the bot's own mention and the channel's markup removed). */
  text: string;
  place: Place;
  /**
   * Asks the channel for the client's locale where the event does not carry it (Slack's `users.info`);
   * used only when the rules need it, and waited for a bounded time.
   */
  lookUpClientLocale?: (() => Promise<string | undefined>) | undefined;
}

/**
 * A click on an answer card; the card's own state comes back with it (validated by the adapter).
 * `open`: the card's folds shown open (the causes, the fix's steps, the commands); left out, the
 * answer's own first state.
 */
export type CardAction =
  /** The card's language picker: the answer again in `locale`, which becomes the user's choice. */
  | { kind: 'pickLanguage'; request: AnswerRequest; locale: Locale; open?: ReadonlySet<FoldId> | undefined }
  /** Opening or closing a fold (the fix, "more"): the answer again as it was, with `open` shown. */
  | { kind: 'fold'; request: AnswerRequest; locale: Locale; open: ReadonlySet<FoldId> }
  /** Share a private answer with everyone in the conversation, as the sharer was looking at it. */
  | { kind: 'share'; request: AnswerRequest; locale: Locale; open?: ReadonlySet<FoldId> | undefined }
  /** The card's "Check the server": a live check of the server the answer's paste named. */
  | { kind: 'check'; host: string; locale: Locale };

export interface CardClick extends Sender {
  action: CardAction;
  /** Where the clicked card is, when known: a language picked there makes it the thread's last answer. */
  place?: Place | undefined;
}

/** The bot was added to a chat or a team. */
export interface Welcome extends Sender {
  /** `personal`: only the user who added the bot sees it; `everyone`: a group chat or a team's channel. */
  audience: 'personal' | 'everyone';
}

/** A search from a compose box (Teams' message extension): the answers to offer, nothing posted. */
export interface SearchQuery extends Sender {
  text: string;
}
