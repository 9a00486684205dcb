/**
 * The conversation layer with a fake adapter: plain-data messages in, outcomes read back directly.
 * What the contract asks of every channel, without any channel: the rules alone.
 */

import { Conversation } from '../../../bots/conversation/conversation';
import type { Place } from '../../../bots/conversation/message';
import type { Outcome, Reply } from '../../../bots/conversation/outcome';
import { newReference } from '../../../bots/runtime/reference';
import { withTurnReference } from '../../../bots/runtime/turnReference';
import { collectServerLogs } from '../../support/serverLogs';
import type { ChannelDriver, DriverFactory, DriverOptions, LogLine, Said } from './driver';

function saidOf(outcome: Outcome): Said | undefined {
  switch (outcome.kind) {
    case 'answer':
      return { kind: 'answer', title: outcome.answer.title };
    case 'hint':
      return { kind: 'text', text: outcome.note.text };
    case 'rateLimited':
      return outcome.notice && { kind: 'text', text: outcome.notice.text };
    case 'failed':
      return { kind: 'text', text: outcome.apology.text };
    case 'checking':
      return { kind: 'text', text: outcome.progress.text };
    case 'checked':
      return { kind: 'answer', title: outcome.card.title };
    case 'checkRefused':
      return { kind: 'text', text: outcome.note.text };
  }
}

export const fakeAdapter: DriverFactory = {
  name: 'a fake adapter',
  async start(options: DriverOptions = {}): Promise<ChannelDriver> {
    const { logger, lines: logs } = collectServerLogs<LogLine>();
    const conversation = new Conversation({ logger, ...options });
    const locales = new Map<string, string>();
    let refusals = 0;
    let attempts = 0;
    let deliveries = 0;

    /** Sends one message and collects what the layer replied; `far` replies go through the refusing far end. */
    async function send(user: string, text: string, place: Place, far: boolean): Promise<Said[]> {
      const said: Said[] = [];
      const reply: Reply = async (outcome) => {
        if (far) {
          attempts += 1;
          if (refusals > 0) {
            refusals -= 1;
            throw new Error('the far end refused the post');
          }
        }
        const one = saidOf(outcome);
        if (one) said.push(one);
        return undefined;
      };
      deliveries += 1;
      const message = {
        channel: 'fake',
        user,
        conversation: place.kind === 'chat' ? `chat-${user}` : 'channel-1',
        clientLocale: locales.get(user),
        deliveryId: `delivery-${deliveries}`,
        text,
        place,
      };
      await withTurnReference(newReference, () => conversation.respond(message, reply));
      return said;
    }

    const only = (said: Said[]): Said => {
      if (said.length !== 1) throw new Error(`expected one reply, got ${JSON.stringify(said)}`);
      return said[0] as Said;
    };

    return {
      logs,
      user(name, clientLocale) {
        locales.set(name, clientLocale);
        return name;
      },
      chat: async (user, text) => (await send(user, text, { kind: 'chat', key: `chat-${user}` }, false))[0],
      async post(user, text) {
        const id = `root-${deliveries + 1}`;
        const said = only(await send(user, text, { kind: 'channelRoot', key: id }, true));
        return { said, thread: { id } };
      },
      reply: async (user, thread, text) =>
        only(await send(user, text, { kind: 'thread', key: thread.id }, true)),
      refuseNextPosts(times) {
        refusals += times;
      },
      postAttempts: () => attempts,
      close: () => conversation.store.close(),
    };
  },
};
