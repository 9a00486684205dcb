/** `mailflow check`: the check's card in each output format, exactly as the bots would send it. */
import { type CheckCard, renderCheckText } from '../../core';
import { renderCheckBlocks } from '../slack/blocks/checkBlocks';
import { renderCheckCard } from '../teams/cards/checkCard';
import type { Format } from './args';
import { type PrintableObject, printed } from './printed';

/** One check object (CONTRACT.md, "Fields of a check object"). */
export function checkObject(card: CheckCard): PrintableObject & Record<string, unknown> {
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
  return printed(format, checkObject(card));
}
