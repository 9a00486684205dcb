/**
 * The answer as Block Kit blocks, within Slack's limits. Content goes in mrkdwn (escaped); values
 * from the user's paste go in plain_text fields, which Slack never turns into mentions or links.
 */
import { type Answer, AUTONYMS, type Block, LOCALES, type Section } from '../../../core';
import { type CardState, encodeCardState } from './cardState';
import { SLACK_LIMITS, truncate } from './limits';
import { mrkdwn } from './mrkdwn';

export type SlackBlock = Record<string, unknown>;

export const ACTION_IDS = {
  toggleFix: 'mailflow_toggle_fix',
  share: 'mailflow_share',
  language: 'mailflow_language',
  link: (target: string) => `mailflow_link_${target}`,
} as const;

export interface BlockOptions {
  /** Whether the fix sections are shown (the toggle button flips it). */
  showFix: boolean;
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
      return mrkdwn(block.text);
    case 'list':
      return block.items
        .map((item, index) => `${block.ordered ? `${index + 1}.` : '•'} ${mrkdwn(item)}`)
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

function actionBlocks(answer: Answer, options: BlockOptions): SlackBlock[] {
  const state: CardState = { request: answer.request, locale: answer.locale, showFix: options.showFix };
  const buttons: SlackBlock[] = answer.links.map((link) => ({
    type: 'button',
    action_id: ACTION_IDS.link(link.target),
    text: plainText(link.label, SLACK_LIMITS.buttonText),
    url: link.url,
  }));
  if (answer.sections.some((section) => section.role === 'fix')) {
    buttons.unshift({
      type: 'button',
      action_id: ACTION_IDS.toggleFix,
      text: plainText(
        options.showFix ? answer.controls.hideFix : answer.controls.showFix,
        SLACK_LIMITS.buttonText,
      ),
      value: encodeCardState({ ...state, showFix: !options.showFix }, SLACK_LIMITS.buttonValue),
    });
  }
  if (options.shareable) {
    buttons.push({
      type: 'button',
      action_id: ACTION_IDS.share,
      style: 'primary',
      text: plainText(answer.controls.share, SLACK_LIMITS.buttonText),
      value: encodeCardState(state, SLACK_LIMITS.buttonValue),
    });
  }
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
  return [
    {
      type: 'actions',
      block_id: encodeCardState(state, SLACK_LIMITS.blockId),
      elements: [...buttons, languagePicker],
    },
  ];
}

export function renderAnswerBlocks(answer: Answer, options: BlockOptions): SlackBlock[] {
  const sections = answer.sections.filter((section) => options.showFix || section.role !== 'fix');
  const head: SlackBlock[] = [
    { type: 'header', text: plainText(answer.title, SLACK_LIMITS.headerText) },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(mrkdwn(answer.summary), SLACK_LIMITS.sectionText) },
    },
  ];
  const tail = actionBlocks(answer, options);
  const room = SLACK_LIMITS.blocksPerMessage - head.length - tail.length;
  return [...head, ...sections.map(sectionBlock).slice(0, room), ...tail];
}
