/** What the conversation layer decided, as plain data: each adapter renders it and sends it. */
import type { Answer, CheckCard, FoldId, Locale } from '../../core';

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
  | { kind: 'failed'; apology: Note; reference: string }
  /**
   * A live check of `host` has started: "Checking mail.contoso.com…", shown at once; the channel
   * must give back a way to `replace` it, which the result then takes the place of.
   */
  | { kind: 'checking'; progress: Note; host: string }
  /** A live check's result card, in place of its progress line. */
  | { kind: 'checked'; card: CheckCard }
  /** A live check not run (turned off, not allowed, a private address, too many checks): why. */
  | { kind: 'checkRefused'; note: Note };

/** Puts another outcome in place of the message just delivered; it may be called after the request is over. */
export type Replace = (outcome: Outcome) => Promise<void>;

/** What the channel knows of a delivered outcome that the message did not say. */
export interface Delivered {
  /** The place follow-ups to the answer will come from (a shared answer's new thread). */
  place?: string;
  /** How to replace what was delivered: a check's progress line by its result. */
  replace?: Replace;
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
