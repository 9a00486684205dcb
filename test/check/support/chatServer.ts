/**
 * The built server in its own process, started the way `npm start` runs it, with both channels on
 * (Teams in local mode, Slack over HTTP) and the live check's settings a test gives, next to the
 * stand-ins for Microsoft's and Slack's far ends; helpers that speak to it as Teams and Slack do.
 */
import { randomUUID } from 'node:crypto';
import type { ChildLogLine } from '../../security/support/serverProcess';
import {
  type ServerWithStandIns,
  SIGNING_SECRET,
  startServerWithStandIns,
} from '../../security/support/serverWithStandIns';
import {
  eventCallback,
  interaction,
  postToSlackEvents,
  type SlackRequest,
  slashCommand,
} from '../../slack/support/slackRequests';
import { BOT_USER_ID } from '../../slack/support/slackStandIn';
import type { ConnectorCall } from '../../teams/support/connectorStandIn';

export interface ChatServer extends ServerWithStandIns {
  /** POSTs a Teams activity; resolves once the turn is over (the bot answered the request). */
  teams(activity: unknown): Promise<number>;
  /** `/mailflow TEXT` from `user` (U1) in channel C1 of team T1: the acknowledgement's body. */
  slackCommand(text: string, responseId?: string, user?: string): Promise<Record<string, unknown>>;
  /** An event callback (a mention); resolves with the HTTP status of the acknowledgement. */
  slackEvent(event: Record<string, unknown>): Promise<number>;
  /** A block_actions payload (a click); resolves with the HTTP status of the acknowledgement. */
  slackClick(payload: Record<string, unknown>): Promise<number>;
  /** The `nth` connector call (1 = the first) that matches, within `ms`. */
  connectorCall(
    predicate: (call: ConnectorCall) => boolean,
    nth?: number,
    ms?: number,
  ): Promise<ConnectorCall>;
  /** The first log line that matches, within `ms`. */
  logLine(predicate: (line: ChildLogLine) => boolean, ms?: number): Promise<ChildLogLine>;
}

/** Polls `find` every 10 ms until it returns something, or fails after `ms`. */
async function eventually<T>(find: () => T | undefined, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function startChatServer(settings: Record<string, string>): Promise<ChatServer> {
  const running = await startServerWithStandIns(settings);
  const { server, slack, connector } = running;
  const postSlack = (request: SlackRequest) => postToSlackEvents(server.base, SIGNING_SECRET, request);
  return {
    ...running,
    async teams(activity) {
      const response = await fetch(`${server.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.arrayBuffer();
      return response.status;
    },
    async slackCommand(text, responseId = randomUUID(), user = 'U1') {
      const response = await postSlack(
        slashCommand({
          teamId: 'T1',
          teamDomain: 'contoso',
          userId: user,
          text,
          responseUrl: slack.responseUrl(responseId),
        }),
      );
      const ack = await response.text();
      return ack ? (JSON.parse(ack) as Record<string, unknown>) : {};
    },
    async slackEvent(event) {
      const response = await postSlack(eventCallback({ teamId: 'T1', botUserId: BOT_USER_ID, event }));
      await response.arrayBuffer();
      return response.status;
    },
    async slackClick(payload) {
      const response = await postSlack(interaction(payload));
      await response.arrayBuffer();
      return response.status;
    },
    connectorCall: (predicate, nth = 1, ms = 10_000) =>
      eventually(() => connector.calls.filter(predicate)[nth - 1], ms, 'such connector call'),
    logLine: (predicate, ms = 10_000) => eventually(() => server.logs.find(predicate), ms, 'such log line'),
  };
}
