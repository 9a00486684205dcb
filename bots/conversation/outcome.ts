/** What the conversation layer decided, as plain data: each adapter renders it and sends it. */
import type { Answer, FoldId, Locale } from '../../core';

/** A short text in the user's language, for the adapter to escape and send as it is. */
export interface Note {
  text: string;
  locale: Locale;
}

export type Outcome =
  /**
   * An answer card; `open`: the folds shown open where a channel draws them on the server (Slack), or
   * the answer's own first state when left out.
   */
  | { kind: 'answer'; answer: Answer; open?: ReadonlySet<FoldId> | undefined }
  /** A follow-up where there is nothing to follow: name a code, or ask in the answer's thread. */
  | { kind: 'hint'; note: Note }
  /** Over the rate limit: the notice once per run of refusals, then nothing (but a channel may still have to acknowledge). */
  | { kind: 'rateLimited'; notice: Note | undefined }
  /** Answering failed: the apology carries the reference that the log line with the error has. */
  | { kind: 'failed'; apology: Note; reference: string };

/** Where a delivered answer went, when the channel knows better than the message did (a shared answer's new thread). */
export interface Delivered {
  /** The place follow-ups to the answer will come from. */
  place: string;
}

/**
 * Sends an outcome the adapter's way (a reply, an ack, a card updated in place). Throws when the far
 * end refuses it after the outbound policy's retries; the layer then apologises through it.
 */
export type Reply = (outcome: Outcome) => Promise<Delivered | undefined>;

/** The answers to offer for a search, or the apology when answering failed. */
export type SearchOutcome =
  | { kind: 'answers'; answers: Answer[] }
  | { kind: 'failed'; apology: Note; reference: string };
