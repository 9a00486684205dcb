/**
 * The answer as an Adaptive Card (schema 1.5, which Teams supports on every client), in the
 * answer's compact layout: the first screen's sections, one row of buttons that each show or hide a
 * fold in place (no round trip to the bot), the folds, and below them one link button and a "More"
 * card with the other links and the language picker, so that no button title is cut off at a Teams
 * card's width.
 *
 * Content strings use TextBlock markdown (`**bold**`, lists, links to our own pages). Anything from
 * the user's message goes into TextRuns, which Adaptive Cards never parse as markdown, so a pasted
 * "[click](https://evil)" or "<at>" stays text.
 */
import { type Answer, AUTONYMS, type Block, initiallyOpen, LOCALES, type Section } from '../../../core';
import { type CheckServerData, LANGUAGE_INPUT_ID, type LanguageSwitchData } from './actionData';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions: CardElement[];
  msteams: { width: 'Full' };
}

/** Id of the row of buttons that show and hide the folds. */
export const FOLD_BUTTONS_ID = 'folds';

const textBlock = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** Teams reads "\r"-separated "- " or "1. " lines in a TextBlock as a list. */
const markdownList = (items: readonly string[], ordered: boolean, start = 1): string =>
  items.map((item, index) => `${ordered ? `${start + index}.` : '-'} ${item}`).join('\r');

function blockElements(block: Block): CardElement[] {
  switch (block.kind) {
    case 'paragraph':
      return [textBlock(block.text)];
    case 'note':
      return [textBlock(block.text, { isSubtle: true, size: 'Small' })];
    case 'list':
      return [textBlock(markdownList(block.items, block.ordered, block.start))];
    case 'facts':
      return block.facts.map((fact, index) => ({
        type: 'RichTextBlock',
        ...(index > 0 ? { spacing: 'None' } : {}),
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

/** The first element of a section's body follows its heading closely, unless it sets its own spacing. */
const closeToHeading = ([first, ...rest]: CardElement[]): CardElement[] =>
  first ? [{ spacing: 'Small', ...first }, ...rest] : [];

function sectionContainer(section: Section, visible: boolean): CardElement {
  const blocks = section.blocks.flatMap(blockElements);
  return {
    type: 'Container',
    id: section.id,
    ...(visible ? {} : { isVisible: false }),
    items: section.title
      ? [textBlock(section.title, { weight: 'Bolder' }), ...closeToHeading(blocks)]
      : blocks,
  };
}

/** One button per fold; each shows or hides that fold's sections where they are. */
function foldButtons(answer: Answer): CardElement[] {
  if (answer.folds.length === 0) return [];
  return [
    {
      type: 'ActionSet',
      id: FOLD_BUTTONS_ID,
      actions: answer.folds.map((fold) => ({
        type: 'Action.ToggleVisibility',
        title: fold.label,
        targetElements: answer.sections
          .filter((section) => section.fold === fold.id)
          .map((section) => section.id),
      })),
    },
  ];
}

/** The other links and the language picker, one click away under "More". */
function moreCard(answer: Answer): CardElement {
  const data: LanguageSwitchData = { mailflow: 'switchLanguage', request: answer.request };
  const secondary = answer.links.slice(1);
  return {
    type: 'Action.ShowCard',
    title: secondary.length > 0 ? answer.controls.more : answer.controls.language,
    card: {
      type: 'AdaptiveCard',
      body: [
        ...(secondary.length > 0
          ? [
              textBlock(
                markdownList(
                  secondary.map((link) => `[${link.label}](${link.url})`),
                  false,
                ),
              ),
            ]
          : []),
        {
          type: 'Input.ChoiceSet',
          id: LANGUAGE_INPUT_ID,
          label: answer.controls.language,
          value: answer.locale,
          choices: LOCALES.map((locale) => ({ title: AUTONYMS[locale], value: locale })),
        },
      ],
      actions: [{ type: 'Action.Submit', title: answer.controls.language, data }],
    },
  };
}

/** "Check the server", where the paste named one: the check's progress and result come as a reply. */
function checkButton(answer: Answer): CardElement[] {
  if (!answer.check) return [];
  const data: CheckServerData = { mailflow: 'checkServer', host: answer.check.host, locale: answer.locale };
  return [{ type: 'Action.Submit', title: answer.check.label, data }];
}

export function renderAdaptiveCard(answer: Answer): AdaptiveCard {
  const open = initiallyOpen(answer);
  const firstScreen = answer.sections.filter((section) => section.fold === undefined);
  const folded = answer.sections.filter((section) => section.fold !== undefined);
  const [primaryLink] = answer.links;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      textBlock(answer.title, { size: 'Large', weight: 'Bolder' }),
      textBlock(answer.summary, { spacing: 'Small' }),
      ...firstScreen.map((section) => sectionContainer(section, true)),
      ...foldButtons(answer),
      ...folded.map((section) =>
        sectionContainer(section, section.fold !== undefined && open.has(section.fold)),
      ),
    ],
    actions: [
      ...(primaryLink ? [{ type: 'Action.OpenUrl', title: primaryLink.label, url: primaryLink.url }] : []),
      ...checkButton(answer),
      moreCard(answer),
    ],
    msteams: { width: 'Full' },
  };
}
