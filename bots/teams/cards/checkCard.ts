/**
 * A live check's result as an Adaptive Card: the verdict as the title, a ✓/✗ line per step, and a
 * link. What the server said (its greeting, its certificate's names) goes only into TextRuns, which
 * Adaptive Cards never read as markdown.
 */
import type { CheckCard } from '../../../core';
import type { AdaptiveCard, CardElement } from './answerCard';

function stepLine(step: CheckCard['steps'][number]): CardElement {
  return {
    type: 'RichTextBlock',
    spacing: 'Small',
    inlines: [
      {
        type: 'TextRun',
        text: step.ok ? '✓ ' : '✗ ',
        weight: 'Bolder',
        color: step.ok ? 'Good' : 'Attention',
      },
      { type: 'TextRun', text: step.label, weight: 'Bolder' },
      { type: 'TextRun', text: step.detail },
    ],
  };
}

export function renderCheckCard(card: CheckCard): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: card.title,
        wrap: true,
        size: 'Large',
        weight: 'Bolder',
        color: card.code === null ? 'Good' : 'Attention',
      },
      { type: 'TextBlock', text: card.summary, wrap: true },
      ...card.steps.map(stepLine),
      ...card.notes.map((note) => ({
        type: 'TextBlock',
        text: note,
        wrap: true,
        isSubtle: true,
        spacing: 'Medium',
      })),
    ],
    actions: card.links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
    msteams: { width: 'Full' },
  };
}
