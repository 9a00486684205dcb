/** The search message extension, through real HTTP: results come back in the invoke response. */
import { MAX_CARD_BYTES } from '../../bots/teams/bot/messageExtension';
import { ask, KNOWN_CODES } from '../../core';
import { cardIssues } from '../support/adaptiveCards';
import { composeQuery } from './support/activities';
import { type Harness, startHarness } from './support/botHarness';
import { ADAPTIVE } from './support/cards';

interface Result {
  contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: cards are arbitrary JSON.
  content: any;
  preview: { contentType: string; content: { title: string; text: string } };
}

let bot: Harness;
afterEach(() => bot.close());

async function search(parameters: { name: string; value: string }[], locale = 'en-US') {
  bot = bot ?? (await startHarness());
  const response = await bot.post(composeQuery(parameters, { serviceUrl: bot.connector.url, locale }));
  expect(response.status).toBe(200);
  // The answer is the HTTP response itself; nothing is posted to the conversation.
  expect(bot.connector.calls).toEqual([]);
  // biome-ignore lint/suspicious/noExplicitAny: the invoke response is arbitrary JSON.
  return (response.body as any).composeExtension as { type: string; attachments: Result[]; text?: string };
}

beforeEach(async () => {
  bot = await startHarness();
});

test('a code gives its answer card with a thumbnail preview', async () => {
  const result = await search([{ name: 'query', value: '4.4.316' }]);
  expect(result.type).toBe('result');
  expect(result.attachments).toHaveLength(1);
  const [first] = result.attachments;
  expect(first?.contentType).toBe(ADAPTIVE);
  expect(cardIssues(first?.content)).toEqual([]);
  expect(first?.preview).toEqual({
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: { title: '4.4.316 Connection refused', text: expect.stringContaining('connection error') },
  });
});

test('a symptom, in Spanish, finds the code it implies', async () => {
  const result = await search([{ name: 'query', value: 'el certificado ha caducado' }]);
  expect(result.attachments.map((a) => a.preview.content.title)).toEqual([
    '4.7.320 Error en la validación del certificado',
  ]);
});

test('the initial run, before anything is typed, offers the known codes in the client language', async () => {
  const result = await search([{ name: 'initialRun', value: 'true' }], 'pl-PL');
  expect(result.attachments.map((a) => a.preview.content.title.split(' ')[0])).toEqual([...KNOWN_CODES]);
  expect(result.attachments[2]?.preview.content.title).toBe('4.4.316 Połączenie odrzucone');
});

test('"list" offers the known codes too', async () => {
  const result = await search([{ name: 'query', value: 'list' }]);
  expect(result.attachments).toHaveLength(KNOWN_CODES.length);
});

test('several codes give the whole answer, then each code on its own', async () => {
  const result = await search([{ name: 'query', value: 'what do 4.4.312 and 4.7.320 mean?' }]);
  expect(result.attachments.map((a) => a.preview.content.title)).toEqual([
    '4.4.312 DNS query failed · 4.7.320',
    '4.4.312 DNS query failed',
    '4.7.320 Certificate validation failed',
  ]);
});

test('a title is offered once: an expired message answered with its cause, then the cause', async () => {
  const result = await search([{ name: 'query', value: '5.4.316 4.4.316 Connection refused' }]);
  expect(result.attachments.map((a) => a.preview.content.title)).toEqual([
    '5.4.316 Connection refused',
    '4.4.316 Connection refused',
  ]);
});

test('nothing to explain gives an empty result list', async () => {
  const result = await search([{ name: 'query', value: 'asdfgh' }]);
  expect(result).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
});

test('every card offered stays under 28 KB', async () => {
  const result = await search([{ name: 'query', value: '4.4.312 4.4.315 4.4.317 4.4.318 4.7.320 5.7.1' }]);
  expect(result.attachments.length).toBeGreaterThan(1);
  for (const attachment of result.attachments) {
    expect(Buffer.byteLength(JSON.stringify(attachment.content))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  }
});

test('every code offered is one the core knows in full', () => {
  for (const code of KNOWN_CODES) {
    const { answer } = ask(code);
    expect(answer.title).not.toMatch(/^Status code/);
    expect(answer.sections.some((section) => section.fold === 'steps')).toBe(true);
  }
});
