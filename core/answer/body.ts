import type { LinkTarget } from '../knowledge/links';
import type { Section } from './model';

/** What each kind of answer contributes; `buildAnswer` adds what every answer has. */
export interface AnswerBody {
  title: string;
  summary: string;
  sections: Section[];
  /** In order of importance: the first is the one a channel shows as a button. */
  links: readonly LinkTarget[];
}
