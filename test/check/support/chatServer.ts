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
import { signedHeaders } from '../../support/slackSigning';
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
  const postSlack = async (body: string, contentType: string) =>
    fetch(`${server.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signedHeaders(body, SIGNING_SECRET) },
      body,
    });
  const form = 'application/x-www-form-urlencoded';
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
      const body = new URLSearchParams({
        team_id: 'T1',
        team_domain: 'contoso',
        channel_id: 'C1',
        channel_name: 'mail-ops',
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/mailflow',
        text,
        api_app_id: 'A1',
        response_url: slack.responseUrl(responseId),
        trigger_id: '1.2.3',
      }).toString();
      const response = await postSlack(body, form);
      const ack = await response.text();
      return ack ? (JSON.parse(ack) as Record<string, unknown>) : {};
    },
    async slackEvent(event) {
      const body = JSON.stringify({
        team_id: 'T1',
        api_app_id: 'A1',
        event,
        type: 'event_callback',
        event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10)}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: 'T1', user_id: 'UBOTMAILFLOW', is_bot: true }],
      });
      const response = await postSlack(body, 'application/json');
      await response.arrayBuffer();
      return response.status;
    },
    async slackClick(payload) {
      const response = await postSlack(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        form,
      );
      await response.arrayBuffer();
      return response.status;
    },
    connectorCall: (predicate, nth = 1, ms = 10_000) =>
      eventually(() => connector.calls.filter(predicate)[nth - 1], ms, 'such connector call'),
    logLine: (predicate, ms = 10_000) => eventually(() => server.logs.find(predicate), ms, 'such log line'),
  };
}
