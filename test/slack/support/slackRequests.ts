/**
 * What Slack POSTs to /slack/events, written as Slack writes it, and the signed POST that carries it:
 * a `/mailflow` slash command (a form), an Events API callback (JSON) and an interactivity payload (a
 * form with one `payload` field). One builder for the single-workspace and the many-workspace servers,
 * which differ only in the workspace that sends and the bot user it names.
 */
import { randomUUID } from 'node:crypto';
import { nowSeconds, signedHeaders } from '../../support/slackSigning';

/** A body for POST /slack/events, with the content type Slack sends it under. */
export interface SlackRequest {
  readonly body: string;
  readonly contentType: string;
}

const FORM = 'application/x-www-form-urlencoded';

/** `/mailflow TEXT` typed by `userId` in a channel (C1 unless given) of the workspace `teamId`. */
export function slashCommand(command: {
  teamId: string;
  teamDomain: string;
  channelId?: string;
  userId: string;
  text: string;
  /** Where the bot may answer later; Slack gives every command its own. */
  responseUrl: string;
}): SlackRequest {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: command.teamId,
    team_domain: command.teamDomain,
    channel_id: command.channelId ?? 'C1',
    channel_name: 'mail-ops',
    user_id: command.userId,
    user_name: command.userId.toLowerCase(),
    command: '/mailflow',
    text: command.text,
    api_app_id: 'A1',
    response_url: command.responseUrl,
    trigger_id: '1.2.3',
  });
  return { body: body.toString(), contentType: FORM };
}

let tsCounter = 1_710_000_000;
/** A fresh message timestamp, as Slack writes them. */
export function messageTs(): string {
  tsCounter += 1;
  return `${tsCounter}.000200`;
}

/** An `app_mention` event: `user` mentions the bot user `botUserId` in channel C1, in a new message. */
export function appMention(
  botUserId: string,
  text: string,
  user: string,
  extra: Record<string, unknown> = {},
) {
  const ts = messageTs();
  return {
    type: 'app_mention',
    user,
    text: `<@${botUserId}> ${text}`,
    ts,
    event_ts: ts,
    channel: 'C1',
    ...extra,
  };
}

/** A fresh Events API delivery id: a retry of a delivery carries the same one. */
export const newEventId = (): string => `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

/** An Events API callback carrying `event` to the bot user `botUserId` of the workspace `teamId`. */
export function eventCallback(callback: {
  teamId: string;
  botUserId: string;
  event: Record<string, unknown>;
  /** A new delivery's own, unless given. */
  eventId?: string | undefined;
}): SlackRequest {
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: callback.teamId,
    api_app_id: 'A1',
    event: callback.event,
    type: 'event_callback',
    event_id: callback.eventId ?? newEventId(),
    event_time: nowSeconds(),
    authorizations: [
      { team_id: callback.teamId, user_id: callback.botUserId, is_bot: true, is_enterprise_install: false },
    ],
  });
  return { body, contentType: 'application/json' };
}

/** An interactivity payload (a click), as it is. */
export function interaction(payload: Record<string, unknown>): SlackRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}

export interface PostOptions {
  /** Extra or replacement headers (a wrong signature, a retry number). */
  headers?: Record<string, string>;
  /** Sign with this timestamp instead of now. */
  timestamp?: number;
  /** Send without signature headers. */
  unsigned?: boolean;
  /** Sign with this secret instead of the server's. */
  secret?: string;
  /** Give up on the request after this long. */
  timeoutMs?: number;
}

/** POSTs `request` to the server at `baseUrl`, signed with its `signingSecret` unless `options` say otherwise. */
export function postToSlackEvents(
  baseUrl: string,
  signingSecret: string,
  request: SlackRequest,
  options: PostOptions = {},
): Promise<Response> {
  const signed = options.unsigned
    ? {}
    : signedHeaders(request.body, options.secret ?? signingSecret, options.timestamp);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': request.contentType, ...signed, ...options.headers },
    body: request.body,
    ...(options.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(options.timeoutMs) }),
  });
}
