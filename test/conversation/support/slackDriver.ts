/**
 * The contract through real HTTP to the Slack endpoint (signed requests), with the Slack stand-in as
 * the Web API: chats are `/mailflow` commands answered in their ack, threads are mentions answered
 * with chat.postMessage.
 */

import { mention, startSlackServer } from '../../slack/support/slackServer';
import { FAST_OUTBOUND_POLICY } from '../../support/fastOutboundPolicy';
import type { ChannelDriver, DriverFactory, DriverOptions, LogLine, Said } from './driver';

type Message = { text?: string; blocks?: { type: string; text?: { text: string } }[] };

const unescapeMrkdwn = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function saidOf(message: Message): Said {
  const header = message.blocks?.find((block) => block.type === 'header')?.text?.text;
  return header !== undefined
    ? { kind: 'answer', title: header }
    : { kind: 'text', text: unescapeMrkdwn(message.text ?? '') };
}

export const slackChannel: DriverFactory = {
  name: 'Slack over HTTP',
  async start(options: DriverOptions = {}): Promise<ChannelDriver> {
    const slack = await startSlackServer({ outbound: FAST_OUTBOUND_POLICY, ...options });
    const answersIn = new Map<string, number>();
    /** The next message the bot posts in `thread` (its root ts). */
    const nextIn = async (root: string): Promise<Said> => {
      const nth = (answersIn.get(root) ?? 0) + 1;
      answersIn.set(root, nth);
      const posted = await slack.standIn.waitFor(
        'chat.postMessage',
        (call) => call.body.thread_ts === root,
        nth,
      );
      return saidOf(posted.body as Message);
    };
    return {
      logs: slack.logs as LogLine[],
      user(name, locale) {
        const id = `U${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
        slack.standIn.userLocales.set(id, locale);
        return id;
      },
      async chat(user, text) {
        const response = await slack.command(text, user);
        if (response.status !== 200) throw new Error(`Slack answered ${response.status}`);
        const body = await response.text();
        return body ? saidOf(JSON.parse(body) as Message) : undefined;
      },
      async post(user, text) {
        const event = mention(text, user);
        await slack.event(event);
        return { said: await nextIn(event.ts), thread: { id: event.ts } };
      },
      async reply(user, thread, text) {
        await slack.event(mention(text, user, { thread_ts: thread.id }));
        return nextIn(thread.id);
      },
      refuseNextPosts(times, status) {
        slack.standIn.failNext('chat.postMessage', ...Array.from({ length: times }, () => ({ status })));
      },
      postAttempts: () => slack.standIn.attemptsOf('chat.postMessage'),
      close: () => slack.close(),
    };
  },
};
