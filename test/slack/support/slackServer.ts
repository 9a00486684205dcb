/**
 * The bot server with the Slack channel, in-process on 127.0.0.1, talking to a Slack stand-in, and
 * helpers that post signed requests to it the way Slack does.
 */

import { randomUUID } from 'node:crypto';
import { Conversation, type ConversationOptions } from '../../../bots/conversation/conversation';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from '../../../bots/runtime/outbound/policy';
import { createBotServer } from '../../../bots/server/app';
import { createSlackChannel } from '../../../bots/slack/channel';
import { collectServerLogs } from '../../support/serverLogs';
import { nowSeconds, slackSignature } from '../../support/slackSigning';
import {
  appMention,
  eventCallback,
  interaction,
  messageTs,
  type PostOptions,
  postToSlackEvents,
  slashCommand,
} from './slackRequests';
import { BOT_USER_ID, SlackStandIn } from './slackStandIn';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token-not-real';

/** Slack's request signature; the server checks it with Bolt's verifier. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return slackSignature(body, timestamp, secret);
}

export { nowSeconds };

export interface SlackTestServer {
  baseUrl: string;
  standIn: SlackStandIn;
  /** Every log line written, parsed. */
  logs: Record<string, unknown>[];
  /** Resolves once a matching log line was written (the bot's own signal that work is done). */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean): Promise<void>;
  post(body: string, contentType: string, options?: PostOptions): Promise<Response>;
  command(text: string, userId: string, responseId?: string, options?: PostOptions): Promise<Response>;
  event(event: Record<string, unknown>, eventId?: string, options?: PostOptions): Promise<Response>;
  action(payload: Record<string, unknown>): Promise<Response>;
  /**
   * A click by `user` on `actionId` in `blocks`, the private answer to their slash command (picking
   * `selected`, in `channel` instead of C1); resolves with the ack and the id of the response_url the
   * bot answers the click through.
   */
  clickPrivate(
    user: string,
    actionId: string,
    blocks: unknown[],
    more?: { selected?: string; channel?: string },
  ): Promise<{ response: Response; responseId: string }>;
  close(): Promise<void>;
}

/** The conversation layer's options (a failing core, tight rate limits), and the outbound policy. */
export type SlackServerOptions = Omit<ConversationOptions, 'logger'> & { outbound?: OutboundPolicy };

export async function startSlackServer(options: SlackServerOptions = {}): Promise<SlackTestServer> {
  const standIn = await SlackStandIn.start();
  const { logger, lines: logs, waitFor: waitForLog } = collectServerLogs();
  const { outbound = DEFAULT_OUTBOUND_POLICY, ...conversationOptions } = options;
  const channel = createSlackChannel(
    { mode: 'http', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: standIn.apiUrl },
    { logger, outbound, conversation: new Conversation({ logger, ...conversationOptions }) },
  );
  const server = createBotServer([channel], logger);
  const address = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // The bot asks auth.test at start; wait for it so that no test depends on its timing.
  await standIn.waitFor('auth.test');

  const post = (body: string, contentType: string, postOptions: PostOptions = {}) =>
    postToSlackEvents(baseUrl, SIGNING_SECRET, { body, contentType }, postOptions);

  const action = (payload: Record<string, unknown>) =>
    postToSlackEvents(baseUrl, SIGNING_SECRET, interaction(payload));

  return {
    baseUrl,
    standIn,
    logs,
    waitForLog,
    post,
    command: (text, userId, responseId = randomUUID(), postOptions = {}) =>
      postToSlackEvents(
        baseUrl,
        SIGNING_SECRET,
        slashCommand({
          teamId: 'T1',
          teamDomain: 'contoso',
          userId,
          text,
          responseUrl: standIn.responseUrl(responseId),
        }),
        postOptions,
      ),
    event: (event, eventId, postOptions = {}) =>
      postToSlackEvents(
        baseUrl,
        SIGNING_SECRET,
        eventCallback({ teamId: 'T1', botUserId: BOT_USER_ID, event, eventId }),
        postOptions,
      ),
    action,
    async clickPrivate(user, actionId, blocks, more = {}) {
      const responseId = randomUUID();
      const response = await action(
        click({ user, actionId, blocks, ephemeral: true, responseId, standIn, ...more }),
      );
      return { response, responseId };
    },
    async close() {
      await server.close();
      await standIn.close();
    },
  };
}

export const mention = (text: string, user: string, extra: Record<string, unknown> = {}) =>
  appMention(BOT_USER_ID, text, user, extra);

export const directMessage = (text: string, user: string, channel = 'D1') => {
  const ts = messageTs();
  return { type: 'message', channel_type: 'im', user, text, ts, event_ts: ts, channel };
};

/** A block_actions payload for a click on `element` of `blocks`, as Slack sends it. */
export function click(options: {
  user: string;
  actionId: string;
  blocks: unknown[];
  ephemeral: boolean;
  responseId: string;
  standIn: SlackStandIn;
  messageTs?: string;
  selected?: string;
  channel?: string;
  /** The thread the clicked message is in, where it is a reply. */
  threadTs?: string;
}): Record<string, unknown> {
  const actionsBlock = (options.blocks as { type: string; block_id?: string; elements?: unknown[] }[]).find(
    (block) => block.type === 'actions',
  );
  const element = (actionsBlock?.elements as { action_id: string; value?: string; type: string }[]).find(
    (candidate) => candidate.action_id === options.actionId,
  );
  if (!actionsBlock || !element) throw new Error(`no ${options.actionId} in the blocks`);
  const ts = options.messageTs ?? messageTs();
  const channel = options.channel ?? 'C1';
  return {
    type: 'block_actions',
    user: { id: options.user, username: options.user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '1.2.3',
    team: { id: 'T1', domain: 'contoso' },
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: options.ephemeral },
    channel: { id: channel, name: 'mail-ops' },
    ...(options.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts,
            ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
            text: '',
          },
        }),
    response_url: options.standIn.responseUrl(options.responseId),
    actions: [
      {
        type: element.type,
        action_id: element.action_id,
        block_id: actionsBlock.block_id,
        action_ts: messageTs(),
        ...(element.value !== undefined ? { value: element.value } : {}),
        ...(options.selected
          ? {
              selected_option: {
                text: { type: 'plain_text', text: options.selected },
                value: options.selected,
              },
            }
          : {}),
      },
    ],
  };
}

/** Every mrkdwn text in a message: block and field texts of type mrkdwn, and the top-level fallback. */
export function mrkdwnTexts(message: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, isMessage: boolean): void => {
    if (Array.isArray(value)) for (const item of value) walk(item, false);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'mrkdwn' && typeof record.text === 'string') found.push(record.text);
      if (isMessage && typeof record.text === 'string') found.push(record.text);
      for (const [key, child] of Object.entries(record))
        if (key !== 'text' || typeof child !== 'string') walk(child, false);
    }
  };
  walk(message, true);
  return found;
}

/** Every plain_text text in a message. */
export function plainTexts(message: unknown): string[] {
  return (
    JSON.stringify(message)
      .match(/"type":"plain_text","text":"(?:[^"\\]|\\.)*"/g)
      ?.map((match) => JSON.parse(`{${match}}`).text as string) ?? []
  );
}
