/**
 * The bot server with Slack for many workspaces, in-process on 127.0.0.1, its state on a store of the
 * test's choosing (memory, a SQLite file, a real redis-server), talking to the Slack stand-in; and
 * what a browser and Slack do against it: the install through GET /slack/install and the redirect,
 * then signed requests from a given workspace.
 */

import { Conversation } from '../../../bots/conversation/conversation';
import { openStateStore, parseStateSettings, type StateStore } from '../../../bots/runtime/state';
import { createBotServer } from '../../../bots/server/app';
import { createSlackChannel } from '../../../bots/slack/channel';
import { FAST_OUTBOUND_POLICY } from '../../support/fastOutboundPolicy';
import { collectServerLogs } from '../../support/serverLogs';
import {
  appMention,
  eventCallback,
  interaction,
  postToSlackEvents,
  type SlackRequest,
  slashCommand,
} from './slackRequests';
import { OAUTH_CLIENT, type SlackStandIn, type StandInWorkspace } from './slackStandIn';

export const SIGNING_SECRET = 'oauth-test-signing-secret';
export const STATE_SECRET = 'oauth-test-state-secret';
const ENCRYPTION_KEY = Buffer.alloc(32, 0x5a).toString('base64');

/** The bot's user in the workspace `teamId`, which the stand-in's install of it names. */
const botUserOf = (teamId: string): string => `U${teamId}BOT`;

export const workspace = (teamId: string, teamName = `Team ${teamId}`): StandInWorkspace => ({
  teamId,
  teamName,
  botUserId: botUserOf(teamId),
  botId: `B${teamId}BOT`,
});

export interface OAuthTestServer {
  baseUrl: string;
  state: StateStore;
  logs: Record<string, unknown>[];
  waitForLog(predicate: (line: Record<string, unknown>) => boolean): Promise<void>;
  /** A signed Events API request from `teamId`. */
  event(teamId: string, event: Record<string, unknown>, eventId?: string): Promise<Response>;
  /** A signed mention of the bot by `userId` in channel C1 of `teamId`, a new message. */
  mention(teamId: string, text: string, userId: string): Promise<Response>;
  /** A signed `/mailflow` command from `teamId`. */
  command(teamId: string, userId: string, text: string): Promise<Response>;
  /** A signed interactivity payload (a click), as it is. */
  action(payload: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

/** `STATE_URL` as the server reads it (`memory:`, `sqlite:/tmp/…`, `redis://…`). */
export async function startOAuthServer(
  standIn: SlackStandIn,
  stateUrl = 'memory:',
): Promise<OAuthTestServer> {
  const { logger, lines: logs, waitFor: waitForLog } = collectServerLogs();
  // The key given, not derived from SLACK_STATE_SECRET: the derivation is slow on purpose, and each
  // server would repeat it (the state store's own tests cover it, and npm start's test uses it).
  const settings = parseStateSettings(
    { STATE_URL: stateUrl, SLACK_STATE_SECRET: STATE_SECRET, STATE_ENCRYPTION_KEY: ENCRYPTION_KEY },
    process.cwd(),
  );
  if (!settings.ok) throw new Error(`bad state settings: ${JSON.stringify(settings.problems)}`);
  const state = await openStateStore(settings.settings, { logger });
  const channel = createSlackChannel(
    {
      mode: 'oauth',
      signingSecret: SIGNING_SECRET,
      oauth: { ...OAUTH_CLIENT, stateSecret: STATE_SECRET },
      apiUrl: standIn.apiUrl,
    },
    {
      logger,
      outbound: FAST_OUTBOUND_POLICY,
      conversation: new Conversation({ logger, store: state }),
      state,
    },
  );
  const server = createBotServer([channel], logger);
  const address = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const post = (request: SlackRequest) => postToSlackEvents(baseUrl, SIGNING_SECRET, request);

  return {
    baseUrl,
    state,
    logs,
    waitForLog,
    event: (teamId, event, eventId) =>
      post(eventCallback({ teamId, botUserId: botUserOf(teamId), event, eventId })),
    mention: (teamId, text, userId) =>
      post(
        eventCallback({
          teamId,
          botUserId: botUserOf(teamId),
          event: appMention(botUserOf(teamId), text, userId),
        }),
      ),
    command: (teamId, userId, text) =>
      post(
        slashCommand({
          teamId,
          teamDomain: teamId.toLowerCase(),
          userId,
          text,
          responseUrl: `${baseUrl}/unused-response-url`,
        }),
      ),
    action: (payload) => post(interaction(payload)),
    async close() {
      await server.close();
      await state.close();
    },
  };
}

/** What GET /slack/install gave the browser: where it sends it, and the state cookie. */
export interface InstallStart {
  response: Response;
  authorizeUrl: URL;
  state: string;
  /** `name=value` of the state cookie, as the browser sends it back. */
  cookie: string;
}

export async function startInstall(baseUrl: string): Promise<InstallStart> {
  const response = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  const authorizeUrl = new URL(response.headers.get('location') ?? 'about:blank');
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { response, authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

/** The browser's return from Slack to the bot, with the code and state (and the cookie, if given). */
export function finishInstall(
  baseUrl: string,
  query: { code?: string; state?: string; error?: string },
  cookie?: string,
  acceptLanguage = 'en-US,en;q=0.9',
): Promise<Response> {
  const search = new URLSearchParams(
    Object.entries(query).filter(([, value]) => value !== undefined) as [string, string][],
  );
  return fetch(`${baseUrl}/slack/oauth_redirect?${search}`, {
    redirect: 'manual',
    headers: { 'accept-language': acceptLanguage, ...(cookie ? { cookie } : {}) },
  });
}

/** A whole install of `team` through the bot's routes, as a browser and Slack do it. */
export async function install(
  baseUrl: string,
  standIn: SlackStandIn,
  team: StandInWorkspace,
  options: { expiresIn?: number; acceptLanguage?: string; finishAt?: string } = {},
): Promise<Response> {
  const start = await startInstall(baseUrl);
  const code = standIn.grant(team, options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn });
  return finishInstall(
    options.finishAt ?? baseUrl,
    { code, state: start.state },
    start.cookie,
    options.acceptLanguage,
  );
}
