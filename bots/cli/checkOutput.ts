/** `mailflow check`: the check's card in each output format, exactly as the bots would send it. */
import { type CheckCard, renderCheckText } from '../../core';
import { renderCheckBlocks } from '../slack/blocks/checkBlocks';
import { renderCheckCard } from '../teams/cards/checkCard';
import type { Format } from './args';

/** One check object (CONTRACT.md, "Fields of a check object"). */
export function checkObject(card: CheckCard): Record<string, unknown> {
  return {
    host: card.host,
    ...(card.address ? { address: card.address } : {}),
    code: card.code,
    steps: card.steps.map(({ step, ok, detail }) => ({ step, ok, detail })),
    locale: card.locale,
    text: renderCheckText(card),
    teams: renderCheckCard(card),
    slack: renderCheckBlocks(card),
  };
}

export function checkIn(format: Format, card: CheckCard): string {
  switch (format) {
    case 'text':
      return renderCheckText(card);
    case 'json':
      return JSON.stringify(checkObject(card), null, 2);
    case 'teams':
      return JSON.stringify(renderCheckCard(card), null, 2);
    case 'slack':
      return JSON.stringify(renderCheckBlocks(card), null, 2);
  }
}
