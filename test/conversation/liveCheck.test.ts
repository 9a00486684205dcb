/**
 * The live check's rules in the conversation layer, with a check port the test controls: the
 * progress line goes out first and the check starts only after it; the result, a refusal found on
 * the way or an apology then replace it; a replacement the channel fails to deliver is logged and
 * nothing throws; without a check port the bot says what the check does.
 */
import { Conversation } from '../../bots/conversation/conversation';
import type { CheckOutcome, LiveChecks, Requester } from '../../bots/conversation/liveCheck';
import type { UserMessage } from '../../bots/conversation/message';
import type { Delivered, Outcome } from '../../bots/conversation/outcome';
import type { CheckRefusal } from '../../core';
import { SAMPLE_RESULTS } from '../check/support/sampleResults';
import { captureLogger } from '../support/captureLogger';

const refusedSample = SAMPLE_RESULTS.find((sample) => sample.code === '4.4.316');
if (!refusedSample) throw new Error('no 4.4.316 sample');
const REFUSED_RESULT = refusedSample.result;

/** A check port that records what it was asked and answers as the test says. */
function fakeChecks(run: () => Promise<CheckOutcome>, early?: CheckRefusal) {
  const asked: { host: string; requester: Requester; afterProgress: boolean }[] = [];
  let progressSent = false;
  const checks: LiveChecks = {
    refusalBefore: () => early,
    runCheck: async (host, { requester }) => {
      asked.push({ host, requester, afterProgress: progressSent });
      return run();
    },
  };
  const noteProgress = () => {
    progressSent = true;
  };
  return { checks, asked, progressSent: noteProgress };
}

const message = (text: string, id: string): UserMessage => ({
  channel: 'fake',
  user: 'alex',
  conversation: 'c1',
  clientLocale: 'en-US',
  deliveryId: id,
  text,
  place: { kind: 'chat', key: 'chat-1' },
  requester: { key: 'fake:org:alex', ids: ['fake:org', 'fake:org:alex'] },
});

/** Sends `text`; resolves with what was sent first and what replaced it (once it has). */
async function ask(
  conversation: Conversation,
  text: string,
  port: ReturnType<typeof fakeChecks>,
  failReplace = false,
) {
  const sent: Outcome[] = [];
  let replaced: (value: Outcome) => void = () => {};
  const replacement = new Promise<Outcome>((resolve) => {
    replaced = resolve;
  });
  await conversation.respond(message(text, `${Math.random()}`), async (outcome): Promise<Delivered> => {
    sent.push(outcome);
    port.progressSent();
    return {
      replace: async (next) => {
        replaced(next);
        if (failReplace) throw new Error('the far end refuses the update');
      },
    };
  });
  return { sent, replacement };
}

test('the progress line first; the check runs after it, for who asked, and its card replaces the line', async () => {
  const port = fakeChecks(async () => ({ kind: 'checked', result: REFUSED_RESULT, cached: false }));
  const conversation = new Conversation({ logger: captureLogger().logger, checks: port.checks });
  const { sent, replacement } = await ask(conversation, 'comprueba mail.contoso.com', port);
  expect(sent).toEqual([
    {
      kind: 'checking',
      host: 'mail.contoso.com',
      progress: { text: 'Comprobando mail.contoso.com…', locale: 'es' },
    },
  ]);
  const result = await replacement;
  expect(result).toMatchObject({ kind: 'checked', card: { locale: 'es', code: '4.4.316' } });
  expect(port.asked).toEqual([
    {
      host: 'mail.contoso.com',
      requester: { key: 'fake:org:alex', ids: ['fake:org', 'fake:org:alex'] },
      afterProgress: true,
    },
  ]);
});

test('a refusal known up front is said instead of the progress line, and no check runs', async () => {
  const port = fakeChecks(async () => ({ kind: 'refused', reason: 'disabled' }), 'disabled');
  const conversation = new Conversation({ logger: captureLogger().logger, checks: port.checks });
  const { sent } = await ask(conversation, 'check mail.contoso.com', port);
  expect(sent).toEqual([
    { kind: 'checkRefused', note: { text: 'The live check is turned off on this bot.', locale: 'en' } },
  ]);
  expect(port.asked).toEqual([]);
});

test('a refusal found by the check (too many checks) replaces the progress line', async () => {
  const port = fakeChecks(async () => ({ kind: 'refused', reason: 'rateLimited' }));
  const conversation = new Conversation({ logger: captureLogger().logger, checks: port.checks });
  const { replacement } = await ask(conversation, 'check mail.contoso.com', port);
  expect(await replacement).toEqual({
    kind: 'checkRefused',
    note: { text: 'Too many checks in a short time. Try again in a minute.', locale: 'en' },
  });
});

test('a check that throws: the apology with a reference replaces the line, and the log carries it', async () => {
  const log = captureLogger();
  const port = fakeChecks(async () => {
    throw new Error('resolver exploded');
  });
  const conversation = new Conversation({ logger: log.logger, checks: port.checks });
  const { replacement } = await ask(conversation, 'check mail.contoso.com', port);
  const result = await replacement;
  expect(result.kind).toBe('failed');
  const reference = result.kind === 'failed' ? result.reference : '';
  expect(log.lines()).toContainEqual(expect.objectContaining({ msg: 'live check failed', reference }));
});

test('a replacement the channel cannot deliver is logged; nothing throws', async () => {
  const log = captureLogger();
  const port = fakeChecks(async () => ({ kind: 'checked', result: REFUSED_RESULT, cached: false }));
  const conversation = new Conversation({ logger: log.logger, checks: port.checks });
  const { replacement } = await ask(conversation, 'check mail.contoso.com', port, true);
  await replacement;
  await conversation.drain(1000);
  expect(log.lines()).toContainEqual(
    expect.objectContaining({ msg: 'could not replace the check’s progress line', level: 50 }),
  );
});

test('without a check port, "check HOST" is answered with what the check does', async () => {
  const conversation = new Conversation({ logger: captureLogger().logger });
  const sent: Outcome[] = [];
  await conversation.respond(message('check mail.contoso.com', 'no-port'), async (outcome) => {
    sent.push(outcome);
    return undefined;
  });
  expect(sent).toMatchObject([{ kind: 'answer', answer: { intent: 'check' } }]);
});
