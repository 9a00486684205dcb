/**
 * The answer as an Adaptive Card (schema 1.5, which Teams supports on every client).
 *
 * Content strings use TextBlock markdown (`**bold**`, lists). Anything from the user's message goes
 * into TextRuns, which Adaptive Cards never parse as markdown, so a pasted "[click](https://evil)" or
 * "<at>" stays text.
 */
import { type Answer, AUTONYMS, type Block, LOCALES, type Section } from '../../../core';
import { LANGUAGE_INPUT_ID, type LanguageSwitchData } from './actionData';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions: CardElement[];
  msteams: { width: 'Full' };
}

const textBlock = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

function blockElements(block: Block): CardElement[] {
  switch (block.kind) {
    case 'paragraph':
      return [textBlock(block.text)];
    case 'list':
      // Teams reads "\r"-separated "- " or "1. " lines in a TextBlock as a list.
      return [
        textBlock(
          block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${item}`).join('\r'),
        ),
      ];
    case 'facts':
      return block.facts.map((fact) => ({
        type: 'RichTextBlock',
        inlines: [
          { type: 'TextRun', text: `${fact.label}: `, weight: 'Bolder' },
          { type: 'TextRun', text: fact.value },
        ],
      }));
    case 'command':
      return [
        textBlock(block.caption, { isSubtle: true, spacing: 'Small' }),
        {
          type: 'RichTextBlock',
          spacing: 'None',
          inlines: [{ type: 'TextRun', text: block.command, fontType: 'Monospace' }],
        },
      ];
  }
}

function sectionContainer(section: Section): CardElement {
  const heading = section.title ? [textBlock(section.title, { weight: 'Bolder', spacing: 'Medium' })] : [];
  return { type: 'Container', id: section.id, items: [...heading, ...section.blocks.flatMap(blockElements)] };
}

/**
 * Show/hide the fix: two action sets, one visible at a time, so the button's label always says what
 * it does. Toggling runs in the client, with no round trip to the bot.
 */
function fixToggles(answer: Answer): CardElement[] {
  const fixIds = answer.sections.filter((section) => section.role === 'fix').map((section) => section.id);
  if (fixIds.length === 0) return [];
  const targets = [...fixIds, 'fixHide', 'fixShow'];
  const toggle = (id: string, title: string, visible: boolean): CardElement => ({
    type: 'ActionSet',
    id,
    isVisible: visible,
    actions: [{ type: 'Action.ToggleVisibility', title, targetElements: targets }],
  });
  return [
    toggle('fixHide', answer.controls.hideFix, true),
    toggle('fixShow', answer.controls.showFix, false),
  ];
}

function languageAction(answer: Answer): CardElement {
  const data: LanguageSwitchData = { mailflow: 'switchLanguage', request: answer.request };
  return {
    type: 'Action.ShowCard',
    title: answer.controls.language,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: LANGUAGE_INPUT_ID,
          value: answer.locale,
          choices: LOCALES.map((locale) => ({ title: AUTONYMS[locale], value: locale })),
        },
      ],
      actions: [{ type: 'Action.Submit', title: answer.controls.language, data }],
    },
  };
}

export function renderAdaptiveCard(answer: Answer): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      textBlock(answer.title, { size: 'Large', weight: 'Bolder' }),
      textBlock(answer.summary),
      ...answer.sections.map(sectionContainer),
      ...fixToggles(answer),
    ],
    actions: [
      ...answer.links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
      languageAction(answer),
    ],
    msteams: { width: 'Full' },
  };
}
