/**
 * The channel-neutral answer: plain data that each channel renders its own way (Adaptive Card,
 * Block Kit, plain text).
 *
 * Text fields hold content from `locales/`, which may mark UI labels as `**bold**`. Text that came
 * from the user's message (a server name, the words quoted in the error) is only ever in
 * `Fact.value`, and every renderer escapes it for its format.
 *
 * The compact layout is part of the answer, so every channel shows the same first screen: sections
 * without a `fold` are always shown (title, meaning, what was read from a paste, the first thing to
 * do); the rest sits in folds one click away, and only the fold for what the user asked for starts
 * open ("how do I fix…" opens the steps).
 */

import type { LinkTarget } from '../knowledge/links';
import type { Locale } from '../locales';
import type { Intent } from '../understand';
import type { PastedDetails } from '../understand/details';
import type { AnswerRequest } from './request';

export type Block =
  | { kind: 'paragraph'; text: string }
  /** Secondary text, such as the retries every answer mentions: shown smaller where a format can. */
  | { kind: 'note'; text: string }
  /** `start`: the number of the first item of an ordered list that continues an earlier one. */
  | { kind: 'list'; items: readonly string[]; ordered: boolean; start?: number }
  | { kind: 'facts'; facts: readonly Fact[] }
  | { kind: 'command'; caption: string; command: string };

/** A labelled value read from the user's paste: untrusted text. */
export interface Fact {
  label: string;
  value: string;
}

/** The parts of an answer that sit one click away, in the order their buttons are shown. */
export const FOLD_IDS = ['causes', 'steps', 'commands'] as const;
export type FoldId = (typeof FOLD_IDS)[number];

export interface Section {
  /** Unique within the answer; renderers derive element ids from it. */
  id: string;
  /** The fold the section sits in; a section without one is on the first screen. */
  fold?: FoldId;
  title: string;
  blocks: readonly Block[];
}

/** A fold of this answer: its button's label, and whether it starts open. */
export interface Fold {
  id: FoldId;
  label: string;
  open: boolean;
}

export interface Link {
  target: LinkTarget;
  label: string;
  url: string;
}

/** Labels the channels need for their own controls, in the answer's language. */
export interface ControlLabels {
  language: string;
  share: string;
  /** The control that holds the secondary links and the language picker. */
  more: string;
}

export interface Answer {
  locale: Locale;
  intent: Intent;
  /** The codes the answer is about, as written (CONTRACT.md `codes`). */
  codes: readonly string[];
  details: PastedDetails;
  title: string;
  /** The one-line meaning. */
  summary: string;
  /** In reading order: the first screen's sections, then each fold's, folds in `FOLD_IDS` order. */
  sections: readonly Section[];
  /** The folds that hold at least one section, in `FOLD_IDS` order. */
  folds: readonly Fold[];
  /** The first link is the one a channel shows as a button; the rest go behind `controls.more`. */
  links: readonly Link[];
  controls: ControlLabels;
  /** What to answer again, in another language, when a card's language is switched. */
  request: AnswerRequest;
  /** The server the pasted error named, which the card offers to check live ("Check the server"). */
  check?: CheckOffer;
}

/** A live check a card offers: the validated target and the button's label. */
export interface CheckOffer {
  host: string;
  label: string;
}

/** The sections shown while the folds in `open` are open: the first screen plus those folds. */
export function visibleSections(answer: Answer, open: ReadonlySet<FoldId>): Section[] {
  return answer.sections.filter((section) => section.fold === undefined || open.has(section.fold));
}

/** The folds an answer starts with open. */
export const initiallyOpen = (answer: Answer): Set<FoldId> =>
  new Set(answer.folds.filter((fold) => fold.open).map((fold) => fold.id));
