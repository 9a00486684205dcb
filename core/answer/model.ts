/**
 * The channel-neutral answer: plain data that each channel renders its own way (Adaptive Card,
 * Block Kit, plain text).
 *
 * Text fields hold content from `locales/`, which may mark UI labels as `**bold**`. Text that came
 * from the user's message (a server name, the remote server's words) is only ever in `Fact.value`,
 * and every renderer escapes it for its format.
 */

import type { LinkTarget } from '../knowledge/links';
import type { Locale } from '../locales';
import type { Intent } from '../understand';
import type { PastedDetails } from '../understand/details';
import type { AnswerRequest } from './request';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[]; ordered: boolean }
  | { kind: 'facts'; facts: readonly Fact[] }
  | { kind: 'command'; caption: string; command: string };

/** A labelled value read from the user's paste: untrusted text. */
export interface Fact {
  label: string;
  value: string;
}

/** `fix` sections are the ones a "show/hide the fix" control toggles. */
export type SectionRole = 'info' | 'fix';

export interface Section {
  /** Unique within the answer; renderers derive element ids from it. */
  id: string;
  role: SectionRole;
  title: string;
  blocks: readonly Block[];
}

export interface Link {
  target: LinkTarget;
  label: string;
  url: string;
}

/** Labels the channels need for their own controls, in the answer's language. */
export interface ControlLabels {
  showFix: string;
  hideFix: string;
  language: string;
  share: string;
}

export interface Answer {
  locale: Locale;
  intent: Intent;
  /** The codes the answer is about, as written (CONTRACT.md `codes`). */
  codes: readonly string[];
  details: PastedDetails;
  title: string;
  summary: string;
  sections: readonly Section[];
  links: readonly Link[];
  controls: ControlLabels;
  /** What to answer again, in another language, when a card's language is switched. */
  request: AnswerRequest;
}
