/**
 * What the bench sends: Teams activities for POST /api/messages and signed `/mailflow` commands for
 * POST /slack/events, built one at a time so that every request has its own ids. Each user sends a
 * run of consecutive messages from the realistic mix (a question with a code, then "how do I fix
 * it?"), half of them in personal chat and half as @mentions in a channel thread of their own.
 */
import { signedHeaders } from '../../support/slackSigning';
import { channelMention, type Payload, type Person, personalMessage } from '../../teams/support/activities';
import { MESSAGE_MIX } from '../messages';

export interface BenchRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface TrafficOptions {
  /** Tells this run's ids apart from every other run's. */
  runId: string;
  /**
   * Ever-new users, conversations and threads (the soak), or a fixed pool of users that come back
   * (a throughput run, where the caches are warm as on a busy day).
   */
  freshIds: boolean;
}

/** Messages each user sends before the next user takes over. */
export const MESSAGES_PER_USER = 5;
/**
 * Users in a throughput run's pool: enough that, at thousands of requests a second, each user comes
 * back only every half minute or so and stays within the per-user rate limit, as on a busy day with
 * many admins; a small pool would measure the rate limiter's refusals instead of answers.
 */
export const POOL_SIZE = 20_000;

/** The user index and mix entry of the `sequence`th request. */
function turn(sequence: number, options: TrafficOptions) {
  const run = Math.floor(sequence / MESSAGES_PER_USER);
  const user = options.freshIds ? run : run % POOL_SIZE;
  const message = MESSAGE_MIX[sequence % MESSAGE_MIX.length] ?? { text: 'help' };
  return { user, message, first: sequence % MESSAGES_PER_USER === 0 };
}

export const TEAMS_PATH = '/api/messages';
export const SLACK_PATH = '/slack/events';

export function teamsTraffic(connectorUrl: string, options: TrafficOptions): () => BenchRequest {
  let sequence = 0;
  /** The root post of each channel user's thread; only the current users' are kept. */
  const roots = new Map<number, string>();
  return () => {
    const { user, message, first } = turn(sequence++, options);
    const from: Person = {
      id: `29:bench-${options.runId}-${user}`,
      name: `Bench User ${user}`,
      aadObjectId: `aad-bench-${options.runId}-${user}`,
    };
    const common = { serviceUrl: connectorUrl, from, ...(message.locale ? { locale: message.locale } : {}) };
    let activity: Payload;
    if (user % 2 === 0) {
      activity = personalMessage(message.text, common);
    } else {
      const root = first ? undefined : roots.get(user);
      activity = channelMention(message.text, { ...common, ...(root ? { rootId: root } : {}) });
      if (!root) {
        if (options.freshIds) roots.clear();
        roots.set(user, String(activity.id));
      }
    }
    return {
      path: TEAMS_PATH,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    };
  };
}

export function slackTraffic(
  slackApiUrl: string,
  signingSecret: string,
  options: TrafficOptions,
): () => BenchRequest {
  const responseBase = new URL('../response/', slackApiUrl).href;
  let sequence = 0;
  return () => {
    const id = sequence++;
    const { user, message } = turn(id, options);
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: 'TBENCH',
      team_domain: 'contoso',
      channel_id: `C${options.runId}${user}`.toUpperCase(),
      channel_name: 'mail-ops',
      user_id: `U${options.runId}${user}`.toUpperCase(),
      user_name: `bench-${user}`,
      command: '/mailflow',
      text: message.text,
      api_app_id: 'ABENCH',
      response_url: `${responseBase}${options.runId}-${id}`,
      trigger_id: `${id}.1.bench`,
    }).toString();
    return {
      path: SLACK_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body, signingSecret) },
      body,
    };
  };
}
