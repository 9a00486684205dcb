/** A live check's card as plain text, for a terminal. */
import type { CheckCard } from '../check/card';
import { plainOf } from './inline';
import { escapeForTerminal } from './plainText';

export function renderCheckText(card: CheckCard): string {
  const lines = [card.title, '', plainOf(card.summary), ''];
  for (const step of card.steps) {
    lines.push(`${step.ok ? '✓' : '✗'} ${step.label}${escapeForTerminal(step.detail)}`);
  }
  for (const note of card.notes) lines.push('', plainOf(note));
  lines.push('');
  for (const link of card.links) lines.push(`${link.label}: ${link.url}`);
  return lines.join('\n');
}
