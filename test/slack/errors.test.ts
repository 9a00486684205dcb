/** When answering fails: a localized apology with a reference that is in the log; the server stays up. */
import { answerAgain, ask, translatorFor } from '../../core';
import { mention, type SlackTestServer, startSlackServer } from './support/slackServer';

class InjectedFailure extends Error {}

let slack: SlackTestServer;
beforeAll(async () => {
  slack = await startSlackServer({
    core: {
      ask: (text, options) => {
        if (text.includes('4.4.316')) throw new InjectedFailure('the answer could not be built');
        return ask(text, options);
      },
      answerAgain,
    },
  });
});
afterAll(async () => {
  await slack.close();
});

const referenceIn = (text: string): string => /\b([0-9a-f]{12})\)$/.exec(text)?.[1] ?? '';

const loggedWith = (reference: string) =>
  slack.logs.find((line) => line.reference === reference && line.level === 50) as
    | { err?: { type?: string; message?: string } }
    | undefined;

test('a failing slash command is acked with an apology, and the error is logged with its reference', async () => {
  const response = await slack.command('4.4.316', 'UERR1');
  expect(response.status).toBe(200);
  const body = (await response.json()) as { response_type: string; text: string; blocks?: unknown };
  expect(body.response_type).toBe('ephemeral');
  expect(body.blocks).toBeUndefined();
  const reference = referenceIn(body.text);
  expect(body.text).toBe(translatorFor('en').text('error.apology', { reference }));
  expect(loggedWith(reference)?.err?.message).toBe('the answer could not be built');
});

test('the apology is in the user’s language', async () => {
  await slack.command('lang pt', 'UERR2');
  const body = (await (await slack.command('4.4.316', 'UERR2')).json()) as { text: string };
  expect(body.text).toBe(translatorFor('pt-BR').text('error.apology', { reference: referenceIn(body.text) }));
});

test('a failing mention gets the apology in its thread', async () => {
  const event = mention('4.4.316', 'UERR3');
  await slack.event(event);
  const apology = await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
  expect(apology.body.blocks).toBeUndefined();
  const reference = referenceIn(String(apology.body.text));
  expect(reference).not.toBe('');
  expect(loggedWith(reference)).toBeDefined();
});

test('after the failures the server still answers, on /healthz and on Slack', async () => {
  expect((await fetch(`${slack.baseUrl}/healthz`)).status).toBe(200);
  const body = (await (await slack.command('4.4.318', 'UERR4')).json()) as { blocks: unknown[] };
  expect(JSON.stringify(body.blocks)).toContain(ask('4.4.318').answer.title);
});
