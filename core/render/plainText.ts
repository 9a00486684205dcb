/**
 * The answer as plain text for a terminal, a notification or a screen reader: the whole answer,
 * every fold included, in the layout's reading order.
 */
import type { Answer, Block } from '../answer/model';
import { plainOf } from './inline';

/** Control characters in pasted text could move a terminal's cursor or change its colours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const escapeForTerminal = (text: string): string => text.replace(CONTROL_CHARACTERS, '\uFFFD');

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return [plainOf(block.text)];
    case 'list':
      return block.items.map(
        (item, index) => `${block.ordered ? `${(block.start ?? 1) + index}.` : '-'} ${plainOf(item)}`,
      );
    case 'facts':
      return block.facts.map((fact) => `${fact.label}: ${escapeForTerminal(fact.value)}`);
    case 'command':
      return [`# ${block.caption}`, `  ${block.command}`];
  }
}

export function renderPlainText(answer: Answer): string {
  const lines = [answer.title, '', plainOf(answer.summary)];
  for (const section of answer.sections) {
    lines.push('');
    if (section.title) lines.push(section.title);
    for (const block of section.blocks) lines.push(...blockLines(block).map((line) => `  ${line}`));
  }
  if (answer.links.length > 0) {
    lines.push('');
    for (const link of answer.links) lines.push(`${link.label}: ${link.url}`);
  }
  return lines.join('\n');
}
