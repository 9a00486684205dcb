/**
 * Bot servers in child processes of their own (`dist/bots/server/main.js`, both channels on: Teams in
 * local mode, Slack over HTTP) that keep their state where a test says (`STATE_URL`), and the far
 * ends they share: one Slack stand-in and one Bot Framework connector stand-in. Several servers on
 * the same far ends and the same store are replicas behind a load balancer; one stopped and started
 * again on the same file is a restart.
 */
import { randomUUID } from 'node:crypto';
import { ask } from '../../../core';
import { type ServerChild, startServerChild } from '../../security/support/serverProcess';
import {
  appMention,
  eventCallback,
  postToSlackEvents,
  type SlackRequest,
  slashCommand,
} from '../../slack/support/slackRequests';
import { BOT_USER_ID, SlackStandIn } from '../../slack/support/slackStandIn';
import { type Payload, type Person, personalMessage } from '../../teams/support/activities';
import { type ConnectorStandIn, startConnectorStandIn } from '../../teams/support/connectorStandIn';

const SIGNING_SECRET = 'stateful-bots-signing-secret';
const REQUEST_TIMEOUT_MS = 10_000;

/** What a Slack message carries that a test reads: the header block is an answer's title. */
export interface SlackMessage {
  text?: string;
  thread_ts?: string;
  blocks?: { type: string; text?: { text: string } }[];
}

export const titleOfSlack = (message: SlackMessage | undefined): string | undefined =>
  message?.blocks?.find((block) => block.type === 'header')?.text?.text;

/** The title the core gives `question`: what a bot's answer to it must carry. */
export const expectedTitle = (question: string, options: Parameters<typeof ask>[1] = {}): string =>
  ask(question, options).answer.title;

export interface FarEnds {
  readonly slack: SlackStandIn;
  readonly connector: ConnectorStandIn;
  /** Teams: `text` from `from` in a personal chat in English, for replies through the connector stand-in. */
  teamsMessage(from: Person, text: string): Payload;
  /** Teams: the title of the card in the reply that the connector received last. */
  lastTeamsTitle(): string | undefined;
  /** Slack: the bot's `nth` post (1 = the first) in the thread of `root`, once it is there. */
  slackPostIn(root: string, nth: number): Promise<SlackMessage>;
  close(): Promise<void>;
}

export async function startFarEnds(): Promise<FarEnds> {
  const slack = await SlackStandIn.start();
  const connector = await startConnectorStandIn();
  return {
    slack,
    connector,
    teamsMessage: (from, text) => personalMessage(text, { serviceUrl: connector.url, from, locale: 'en-US' }),
    lastTeamsTitle: () => connector.calls.at(-1)?.body.attachments?.[0]?.content.body[0].text,
    async slackPostIn(root, nth) {
      const call = await slack.waitFor('chat.postMessage', (posted) => posted.body.thread_ts === root, nth);
      return call.body as SlackMessage;
    },
    async close() {
      await slack.close();
      await connector.close();
    },
  };
}

export interface Bot {
  readonly server: ServerChild;
  /** `/mailflow TEXT` from `user` of workspace T1; resolves with the ack's message (none for an empty ack). */
  command(user: string, text: string, channel?: string): Promise<SlackMessage | undefined>;
  /** An event callback, as Slack delivers it (a retry carries the same `eventId` and a retry number). */
  event(event: Record<string, unknown>, eventId: string, retryNum?: number): Promise<number>;
  /** A Teams activity; resolves with the HTTP status (Teams waits for the turn, replies included). */
  teams(activity: Record<string, unknown>): Promise<number>;
  readyz(): Promise<{ status: number; body: Record<string, unknown> }>;
}

let started = 0;

/** Starts one server on `stateUrl`, talking to `farEnds`; resolves once it is listening and knows its Slack identity. */
export async function startBot(
  stateUrl: string,
  farEnds: FarEnds,
  settings: Record<string, string> = {},
): Promise<Bot> {
  const server = await startServerChild({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-stateful-bots',
    SLACK_API_URL: farEnds.slack.apiUrl,
    STATE_URL: stateUrl,
    ...settings,
  });
  // Each server asks auth.test at start; mentions are recognised once its answer is in.
  started += 1;
  await farEnds.slack.waitFor('auth.test', () => true, started);
  const postSlack = (request: SlackRequest, headers: Record<string, string> = {}) =>
    postToSlackEvents(server.base, SIGNING_SECRET, request, { headers, timeoutMs: REQUEST_TIMEOUT_MS });
  return {
    server,
    async command(user, text, channel = 'C1') {
      const response = await postSlack(
        slashCommand({
          teamId: 'T1',
          teamDomain: 'contoso',
          channelId: channel,
          userId: user,
          text,
          responseUrl: farEnds.slack.responseUrl(randomUUID()),
        }),
      );
      if (response.status !== 200) throw new Error(`Slack command answered ${response.status}`);
      const ack = await response.text();
      return ack ? (JSON.parse(ack) as SlackMessage) : undefined;
    },
    async event(event, eventId, retryNum) {
      const retry =
        retryNum === undefined
          ? {}
          : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' };
      const response = await postSlack(
        eventCallback({ teamId: 'T1', botUserId: BOT_USER_ID, event, eventId }),
        retry,
      );
      await response.arrayBuffer();
      return response.status;
    },
    async teams(activity) {
      const response = await fetch(`${server.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.status;
    },
    async readyz() {
      const response = await fetch(`${server.base}/readyz`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** A mention of the bot in channel C1 (a new post, or a reply in `threadTs`'s thread). */
export const mentionEvent = (user: string, text: string, threadTs?: string): Record<string, unknown> =>
  appMention(BOT_USER_ID, text, user, threadTs ? { thread_ts: threadTs } : {});
