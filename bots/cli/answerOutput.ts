/** The answer in each output format of `mailflow ask`, exactly as the bots would send it. */
import { type Answer, ask, renderPlainText } from '../../core';
import { renderSlashCommandBlocks } from '../slack/blocks/messages';
import { renderAdaptiveCard } from '../teams/cards/answerCard';
import type { Format } from './args';

/** One answer object (CONTRACT.md, "Fields of an answer object"). */
export function answerObject(answer: Answer): Record<string, unknown> {
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
  const { answer } = ask(text, { clientLocale: locale });
  switch (format) {
    case 'text':
      return renderPlainText(answer);
    case 'json':
      return JSON.stringify(answerObject(answer), null, 2);
    case 'teams':
      return JSON.stringify(renderAdaptiveCard(answer), null, 2);
    case 'slack':
      return JSON.stringify(renderSlashCommandBlocks(answer), null, 2);
  }
}
