/**
 * The lifetimes of CONVERSATION_LIMITS, on the conversation layer with a clock: a chosen language
 * holds while it is used and is forgotten after 180 days unused; a thread's last answer after 7 days.
 */
import { Conversation } from '../../bots/conversation/conversation';
import { CONVERSATION_LIMITS } from '../../bots/conversation/limits';
import type { Place } from '../../bots/conversation/message';
import type { Outcome } from '../../bots/conversation/outcome';
import { createLogger } from '../../bots/runtime/logger';
import { ask } from '../../core';

const DAY = 24 * 60 * 60 * 1000;

function setUp() {
  const clock = { now: 1_800_000_000_000 };
  const conversation = new Conversation({ logger: createLogger('silent'), now: () => clock.now });
  let deliveries = 0;
  const say = async (text: string, place: Place = { kind: 'chat', key: 'chat-1' }): Promise<Outcome[]> => {
    const outcomes: Outcome[] = [];
    deliveries += 1;
    await conversation.respond(
      {
        channel: 'fake',
        user: 'alex',
        conversation: 'c',
        clientLocale: 'en-US',
        deliveryId: `d${deliveries}`,
        text,
        place,
      },
      async (outcome) => {
        outcomes.push(outcome);
        return undefined;
      },
    );
    return outcomes;
  };
  const title = async (text: string, place?: Place) => {
    const [outcome] = await say(text, place);
    return outcome?.kind === 'answer' ? outcome.answer.title : outcome?.kind;
  };
  return { clock, say, title };
}

test('a chosen language used now and then is kept past 180 days', async () => {
  const { clock, say, title } = setUp();
  await say('lang pl');
  for (let i = 0; i < 4; i++) {
    clock.now += 100 * DAY;
    expect(await title('4.4.316')).toBe(ask('4.4.316', { chosenLocale: 'pl' }).answer.title);
  }
});

test('a chosen language unused for 180 days is forgotten', async () => {
  const { clock, say, title } = setUp();
  await say('lang pl');
  clock.now += CONVERSATION_LIMITS.languageChoice.ttlMs;
  expect(await title('4.4.316')).toBe(ask('4.4.316').answer.title);
});

test('a chat’s last answer is a follow-up’s subject for 7 days', async () => {
  const { clock, say, title } = setUp();
  await say('4.4.317');
  clock.now += CONVERSATION_LIMITS.lastAnswer.ttlMs - 1;
  expect(await title('how do I fix it?')).toBe(ask('how do I fix 4.4.317?').answer.title);
  clock.now += CONVERSATION_LIMITS.lastAnswer.ttlMs;
  expect(await title('how do I fix it?')).toBe(ask('how do I fix it?').answer.title);
});

test('a delivery seen before is not answered again', async () => {
  const clock = { now: 0 };
  const conversation = new Conversation({ logger: createLogger('silent'), now: () => clock.now });
  const outcomes: Outcome[] = [];
  const message = {
    channel: 'fake',
    user: 'alex',
    conversation: 'c',
    deliveryId: 'Ev1',
    text: '4.4.316',
    place: { kind: 'chat', key: 'chat-1' } as const,
  };
  const reply = async (outcome: Outcome) => {
    outcomes.push(outcome);
    return undefined;
  };
  await conversation.respond(message, reply);
  await conversation.respond(message, reply);
  expect(outcomes).toHaveLength(1);
});
