/**
 * What the bench sends: Teams activities for POST /api/messages and signed `/mailflow` commands for
 * POST /slack/events, built one at a time so that every request has its own ids, for the sender that
 * `senders.ts` picks, with a message from the realistic mix (questions in six languages, pastes,
 * follow-ups such as "how do I fix it?").
 */
import { signedHeaders } from '../../support/slackSigning';
import { channelMention, type Payload, type Person, personalMessage } from '../../teams/support/activities';
import { MESSAGE_MIX } from '../messages';
import type { Sender } from './senders';

export interface BenchRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Builds the request for one message of one sender; `sequence` picks the message from the mix. */
export type RequestBuilder = (sender: Sender, sequence: number) => BenchRequest;

/** A traffic generator: the next sender's next message, each request with its own ids. */
export function traffic(build: RequestBuilder, nextSender: () => Sender): () => BenchRequest {
  let sequence = 0;
  return () => build(nextSender(), sequence++);
}

const messageAt = (sequence: number) => MESSAGE_MIX[sequence % MESSAGE_MIX.length] ?? { text: 'help' };

export const TEAMS_PATH = '/api/messages';
export const SLACK_PATH = '/slack/events';

/**
 * Teams: even users in personal chat, odd users as @mentions in a channel, each in a thread of their
 * own that their first message starts (Teams names the thread in the conversation id, so each
 * thread is a conversation of one user).
 */
export function teamsRequests(connectorUrl: string, runId: string): RequestBuilder {
  /** The root post of each channel user's thread: returning users come back to it. */
  const roots = new Map<number, string>();
  return ({ user, first }, sequence) => {
    const message = messageAt(sequence);
    const from: Person = {
      id: `29:bench-${runId}-${user}`,
      name: `Bench User ${user}`,
      aadObjectId: `aad-bench-${runId}-${user}`,
    };
    const common = { serviceUrl: connectorUrl, from, ...(message.locale ? { locale: message.locale } : {}) };
    let activity: Payload;
    if (user % 2 === 0) {
      activity = personalMessage(message.text, common);
    } else {
      const root = first ? undefined : roots.get(user);
      activity = channelMention(message.text, { ...common, ...(root ? { rootId: root } : {}) });
      if (!root) roots.set(user, String(activity.id));
    }
    return {
      path: TEAMS_PATH,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    };
  };
}

/** Slack: `/mailflow` commands, each user in the channel of their conversation. */
export function slackRequests(slackApiUrl: string, signingSecret: string, runId: string): RequestBuilder {
  const responseBase = new URL('../response/', slackApiUrl).href;
  return ({ user, conversation }, sequence) => {
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: 'TBENCH',
      team_domain: 'contoso',
      channel_id: `C${runId}X${conversation}`.toUpperCase(),
      channel_name: 'mail-ops',
      user_id: `U${runId}X${user}`.toUpperCase(),
      user_name: `bench-${user}`,
      command: '/mailflow',
      text: messageAt(sequence).text,
      api_app_id: 'ABENCH',
      response_url: `${responseBase}${runId}-${sequence}`,
      trigger_id: `${sequence}.1.bench`,
    }).toString();
    return {
      path: SLACK_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body, signingSecret) },
      body,
    };
  };
}
