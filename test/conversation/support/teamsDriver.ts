/** The contract through real HTTP to the Teams endpoint, with the stand-in connector as the far end. */
import { FAST_OUTBOUND_POLICY } from '../../support/fastOutboundPolicy';
import { channelMention, type Person, personalMessage } from '../../teams/support/activities';
import { startHarness } from '../../teams/support/botHarness';
import type { ConnectorCall } from '../../teams/support/connectorStandIn';
import type { ChannelDriver, DriverFactory, DriverOptions, LogLine, Said } from './driver';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function saidOf(call: ConnectorCall): Said {
  const attachment = call.body?.attachments?.[0];
  if (attachment?.contentType === ADAPTIVE) return { kind: 'answer', title: attachment.content.body[0].text };
  return { kind: 'text', text: String(call.body?.text) };
}

/** Teams names a channel's threads in the conversation id; every post here is in the one channel. */
const inChannel = (call: ConnectorCall) => call.conversationId.startsWith('19:');

export const teamsChannel: DriverFactory = {
  name: 'Teams over HTTP',
  async start(options: DriverOptions = {}): Promise<ChannelDriver> {
    const bot = await startHarness({ mode: 'local' }, { outbound: FAST_OUTBOUND_POLICY, ...options });
    const people = new Map<string, Person & { locale: string }>();
    const person = (id: string) => {
      const found = people.get(id);
      if (!found) throw new Error(`no user ${id}`);
      return found;
    };
    /** Posts an activity; resolves with what the bot sent while answering it (Teams waits for the turn). */
    async function send(activity: Record<string, unknown>): Promise<Said[]> {
      const before = bot.connector.calls.length;
      const { status } = await bot.post(activity);
      if (status !== 200) throw new Error(`Teams answered ${status}`);
      return bot.connector.calls.slice(before).map(saidOf);
    }
    const only = (said: Said[]): Said => {
      if (said.length !== 1) throw new Error(`expected one reply, got ${JSON.stringify(said)}`);
      return said[0] as Said;
    };
    const options_ = (id: string) => {
      const { locale, ...from } = person(id);
      return { serviceUrl: bot.connector.url, from, locale };
    };
    return {
      logs: bot.logs as LogLine[],
      user(name, locale) {
        const id = `29:${name}`;
        people.set(id, { id, name, aadObjectId: `aad-${name}`, locale });
        return id;
      },
      chat: async (user, text) => (await send(personalMessage(text, options_(user))))[0],
      async post(user, text) {
        const activity = channelMention(text, options_(user));
        return { said: only(await send(activity)), thread: { id: String(activity.id) } };
      },
      reply: async (user, thread, text) =>
        only(await send(channelMention(text, { ...options_(user), rootId: thread.id }))),
      refuseNextPosts(times, status) {
        bot.connector.failNext(...Array.from({ length: times }, () => ({ status })));
      },
      postAttempts: () => bot.connector.attempts.filter(inChannel).length,
      close: () => bot.close(),
    };
  },
};
