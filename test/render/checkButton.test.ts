/**
 * "Check the server" on answers: offered where a pasted error named the server (or only its
 * address), as a valid target, in both channels' renderings, and nowhere else.
 */
import { renderAnswerBlocks, type SlackBlock } from '../../bots/slack/blocks/answerBlocks';
import { decodeCheckButton } from '../../bots/slack/blocks/cardState';
import { renderAdaptiveCard } from '../../bots/teams/cards/answerCard';
import { ask, LOCALES } from '../../core';
import { cardIssues } from '../support/adaptiveCards';

const NAMED = "Server at mail.contoso.com (192.0.2.10) returned '450 4.4.316 Connection refused'";

const slackButton = (blocks: SlackBlock[]) =>
  (blocks.find((block) => block.type === 'actions')?.elements as SlackBlock[]).find(
    (element) => element.action_id === 'mailflow_check',
  );
const teamsButton = (card: ReturnType<typeof renderAdaptiveCard>) =>
  card.actions.find(
    (action) => (action.data as { mailflow?: string } | undefined)?.mailflow === 'checkServer',
  );

test.each(LOCALES)('a paste that names the server offers to check it, in %s', (locale) => {
  const { answer } = ask(NAMED, { chosenLocale: locale });
  expect(answer.check?.host).toBe('mail.contoso.com');
  const card = renderAdaptiveCard(answer);
  expect(teamsButton(card)).toEqual({
    type: 'Action.Submit',
    title: answer.check?.label,
    data: { mailflow: 'checkServer', host: 'mail.contoso.com', locale },
  });
  expect(cardIssues(card)).toEqual([]);
  const button = slackButton(renderAnswerBlocks(answer, { shareable: true }));
  expect(button?.text).toMatchObject({ text: answer.check?.label });
  expect(decodeCheckButton(button?.value as string)).toEqual({ host: 'mail.contoso.com', locale });
});

test('only the address named: the address is offered', () => {
  const { answer } = ask('450 4.4.316 Connection refused [LastAttemptedIP=203.0.113.7:25]');
  expect(answer.details).toEqual({ ip: '203.0.113.7', port: 25 });
  expect(answer.check?.host).toBe('203.0.113.7');
});

test.each([
  ['a bare code', '4.4.316'],
  ['a question', 'how do I fix 4.4.317?'],
  ['the check request itself', 'check mail.contoso.com'],
  ['help', 'help'],
])('no button for %s', (_name, text) => {
  const { answer } = ask(text);
  expect(answer.check).toBeUndefined();
  expect(teamsButton(renderAdaptiveCard(answer))).toBeUndefined();
  expect(slackButton(renderAnswerBlocks(answer, { shareable: true }))).toBeUndefined();
});

test('a button value no card of ours wrote is refused', () => {
  for (const value of [
    '',
    'x',
    '{"h":1,"l":"en"}',
    '{"h":"a.b","l":"xx"}',
    `{"h":"${'a'.repeat(400)}","l":"en"}`,
  ])
    expect(decodeCheckButton(value)).toBeUndefined();
});
