/** The answer in each output format of `mailflow ask`, exactly as the bots would send it. */
import { type Answer, ask, renderPlainText } from '../../core';
import { renderSlashCommandBlocks } from '../slack/blocks/messages';
import { renderAdaptiveCard } from '../teams/cards/answerCard';
import type { Format } from './args';
import { type PrintableObject, printed } from './printed';

/** One answer object (CONTRACT.md, "Fields of an answer object"). */
export function answerObject(answer: Answer): PrintableObject & Record<string, unknown> {
  return {
    intent: answer.intent,
    codes: answer.codes,
    locale: answer.locale,
    details: answer.details,
    text: renderPlainText(answer),
    teams: renderAdaptiveCard(answer),
    slack: renderSlashCommandBlocks(answer),
  };
}

export function answerIn(format: Format, text: string, locale: string | undefined): string {
  return printed(format, answerObject(ask(text, { clientLocale: locale }).answer));
}
