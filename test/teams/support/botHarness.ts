/** The bot server on loopback with the Teams channel, a stand-in connector, and a log to read. */

import { Conversation, type ConversationOptions } from '../../../bots/conversation/conversation';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../../../bots/runtime/outbound/policy';
import { createBotServer } from '../../../bots/server/app';
import { createTeamsChannel, type TeamsChannelDeps } from '../../../bots/teams/channel';
import type { TeamsSettings } from '../../../bots/teams/settings';
import { collectServerLogs } from '../../support/serverLogs';
import { type ConnectorStandIn, startConnectorStandIn } from './connectorStandIn';

export interface LogLine {
  level: number;
  msg: string;
  // biome-ignore lint/suspicious/noExplicitAny: log lines are arbitrary JSON.
  [field: string]: any;
}

export interface Harness {
  /** The server's base URL, for requests the helpers below can't make (raw bodies). */
  url: string;
  connector: ConnectorStandIn;
  logs: LogLine[];
  /** POSTs an activity to /api/messages; resolves once the bot has answered the request. */
  /** The bot server's base URL. */
  base: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number }>;
  close(): Promise<void>;
}

/** The conversation layer's options (a failing core, tight rate limits) and the channel's own. */
export type HarnessOptions = Omit<ConversationOptions, 'logger'> &
  Pick<TeamsChannelDeps, 'authentication' | 'newReference' | 'openIdMetadataUrls' | 'turnBudget'> & {
    outbound?: OutboundPolicy;
  };

export async function startHarness(
  settings: TeamsSettings = { mode: 'local' },
  options: HarnessOptions = {},
): Promise<Harness> {
  const connector = await startConnectorStandIn();
  const { logger, lines: logs } = collectServerLogs<LogLine>();
  const {
    outbound = DEFAULT_OUTBOUND_POLICY,
    authentication,
    newReference,
    openIdMetadataUrls,
    turnBudget,
    ...conversationOptions
  } = options;
  const channel = createTeamsChannel(settings, {
    logger,
    outbound,
    conversation: new Conversation({ logger, ...conversationOptions }),
    ...(authentication ? { authentication } : {}),
    ...(newReference ? { newReference } : {}),
    ...(openIdMetadataUrls ? { openIdMetadataUrls } : {}),
    ...(turnBudget ? { turnBudget } : {}),
  });
  const server = createBotServer([channel], logger);
  const { port } = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    connector,
    logs,
    base,
    async post(activity, headers = {}) {
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body };
    },
    async get(path) {
      const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return { status: response.status };
    },
    async close() {
      await server.close();
      await connector.close();
    },
  };
}
