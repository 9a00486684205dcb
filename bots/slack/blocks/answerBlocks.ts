/**
 * The answer as Block Kit blocks, within Slack's limits, in the answer's compact layout: the first
 * screen's sections, the open folds, then one row of controls, *Share in channel* first, a button
 * per fold that redraws the message with that fold opened or closed, the main link, the other links
 * in an overflow menu and the language picker.
 *
 * Content goes in mrkdwn (escaped); values from the user's paste go in plain_text fields, which Slack
 * never turns into mentions or links.
 */
import {
  type Answer,
  AUTONYMS,
  type Block,
  type FoldId,
  initiallyOpen,
  LOCALES,
  type Section,
  visibleSections,
} from '../../../core';
import { type CardState, encodeCardState, encodeCheckButton } from './cardState';
import { SLACK_LIMITS, truncate } from './limits';
import { mrkdwn } from './mrkdwn';

export type SlackBlock = Record<string, unknown>;

export const ACTION_IDS = {
  share: 'mailflow_share',
  language: 'mailflow_language',
  /** "Check the server": a live check of the server the pasted error named. */
  check: 'mailflow_check',
  fold: (id: FoldId) => `mailflow_fold_${id}`,
  /** Every fold button, and the fix toggle of answers drawn before the folds. */
  anyFold: /^mailflow_(?:fold_[a-z]+|toggle_fix)$/,
  link: (target: string) => `mailflow_link_${target}`,
  /** The overflow menu of secondary links; its id starts like the links' so that one handler acks both. */
  moreLinks: 'mailflow_link_more',
} as const;

export interface BlockOptions {
  /** The folds shown open; when left out, the answer's own first state. */
  open?: ReadonlySet<FoldId>;
  /** Offer "Share in channel": for answers only the asker can see. */
  shareable: boolean;
}

const plainText = (text: string, max: number) => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: false,
});

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return mrkdwn(block.text);
    case 'list':
      return block.items
        .map((item, index) => `${block.ordered ? `${(block.start ?? 1) + index}.` : '•'} ${mrkdwn(item)}`)
        .join('\n');
    case 'facts':
      return '';
    case 'command':
      return `_${mrkdwn(block.caption)}_\n\`\`\`${mrkdwn(block.command)}\`\`\``;
  }
}

/** One section block: the title and text in mrkdwn, facts from the paste as plain_text fields. */
function sectionBlock(section: Section): SlackBlock {
  const text = [section.title ? `*${mrkdwn(section.title)}*` : '', ...section.blocks.map(blockText)]
    .filter((part) => part.length > 0)
    .join('\n');
  const fields = section.blocks
    .flatMap((block) => (block.kind === 'facts' ? block.facts : []))
    .slice(0, SLACK_LIMITS.fieldsPerSection / 2)
    .flatMap((fact) => [
      { type: 'mrkdwn', text: `*${mrkdwn(fact.label)}*` },
      plainText(fact.value, SLACK_LIMITS.fieldText),
    ]);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) },
    ...(fields.length > 0 ? { fields } : {}),
  };
}

function toggled(open: ReadonlySet<FoldId>, id: FoldId): Set<FoldId> {
  const next = new Set(open);
  if (!next.delete(id)) next.add(id);
  return next;
}

function controls(answer: Answer, open: ReadonlySet<FoldId>, options: BlockOptions): SlackBlock {
  const state: CardState = { request: answer.request, locale: answer.locale, open };
  // The state as it is now rides on Share and on the picker's block id: encoded once where it fits both.
  const stateValue = encodeCardState(state, SLACK_LIMITS.buttonValue);
  const stateBlockId =
    stateValue.length <= SLACK_LIMITS.blockId ? stateValue : encodeCardState(state, SLACK_LIMITS.blockId);
  const button = (actionId: string, label: string, extra: SlackBlock): SlackBlock => ({
    type: 'button',
    action_id: actionId,
    text: plainText(label, SLACK_LIMITS.buttonText),
    ...extra,
  });
  const share = options.shareable
    ? [
        button(ACTION_IDS.share, answer.controls.share, {
          style: 'primary',
          value: stateValue,
        }),
      ]
    : [];
  const folds = answer.folds.map((fold) =>
    button(ACTION_IDS.fold(fold.id), fold.label, {
      value: encodeCardState({ ...state, open: toggled(open, fold.id) }, SLACK_LIMITS.buttonValue),
    }),
  );
  const check = answer.check
    ? [
        button(ACTION_IDS.check, answer.check.label, {
          value: encodeCheckButton({ host: answer.check.host, locale: answer.locale }),
        }),
      ]
    : [];
  const [primaryLink, ...secondaryLinks] = answer.links;
  const links = primaryLink
    ? [button(ACTION_IDS.link(primaryLink.target), primaryLink.label, { url: primaryLink.url })]
    : [];
  const moreLinks =
    secondaryLinks.length > 0
      ? [
          {
            type: 'overflow',
            action_id: ACTION_IDS.moreLinks,
            options: secondaryLinks.slice(0, SLACK_LIMITS.overflowOptions).map((link) => ({
              text: plainText(link.label, SLACK_LIMITS.optionText),
              value: link.target,
              url: link.url,
            })),
          },
        ]
      : [];
  const languagePicker = {
    type: 'static_select',
    action_id: ACTION_IDS.language,
    placeholder: plainText(answer.controls.language, SLACK_LIMITS.optionText),
    initial_option: {
      text: plainText(AUTONYMS[answer.locale], SLACK_LIMITS.optionText),
      value: answer.locale,
    },
    options: LOCALES.map((locale) => ({
      text: plainText(AUTONYMS[locale], SLACK_LIMITS.optionText),
      value: locale,
    })),
  };
  // The picker's block id carries the state: a selection arrives with its block id but no other value.
  return {
    type: 'actions',
    block_id: stateBlockId,
    elements: [...share, ...folds, ...check, ...links, ...moreLinks, languagePicker],
  };
}

export function renderAnswerBlocks(answer: Answer, options: BlockOptions): SlackBlock[] {
  const open = options.open ?? initiallyOpen(answer);
  const head: SlackBlock[] = [
    { type: 'header', text: plainText(answer.title, SLACK_LIMITS.headerText) },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(mrkdwn(answer.summary), SLACK_LIMITS.sectionText) },
    },
  ];
  const room = SLACK_LIMITS.blocksPerMessage - head.length - 1;
  const sections = visibleSections(answer, open).map(sectionBlock).slice(0, room);
  return [...head, ...sections, controls(answer, open, options)];
}
