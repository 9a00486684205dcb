/**
 * Checks an incoming Bot Framework request before botbuilder sees it: it must be an activity of a
 * known type whose fields have the JSON types the schema gives them (botbuilder and the bot read
 * them without checking, so a number for `text` or an object for `locale` failed the turn), and its
 * `serviceUrl` must be one the bot may answer. Without authentication anyone can post to the
 * endpoint, and the bot sends its reply to whatever `serviceUrl` the request names: in local mode,
 * on loopback only, so an unauthenticated bot can never be made to call another host.
 */
import { type Activity, ActivityTypes } from 'botbuilder';
import { z } from 'zod';

export type ActivityCheck =
  | { ok: true; activity: Activity }
  | { ok: false; status: 400 | 403; reason: string };

/** 127.0.0.0/8, localhost and ::1: the hosts a local client (Emulator, Agents Playground) uses. */
export function isLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * What no channel's serviceUrl has: a user and password, which the connector client would send on as
 * Basic authentication, and braces, which its URL template would fill in with the conversation id.
 */
function serviceUrlProblem(value: string): string | undefined {
  if (/[{}]/.test(value)) return 'the serviceUrl has braces';
  try {
    const url = new URL(value);
    if (url.username !== '' || url.password !== '') return 'the serviceUrl has a user or password';
  } catch {
    return 'the serviceUrl is not a URL';
  }
  return undefined;
}

const ACTIVITY_TYPES = Object.values(ActivityTypes) as [string, ...string[]];

/** A field that may be absent; JSON null counts as absent. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();

const id = z.string().min(1).max(1024);
const text = z.string();
const account = z
  .object({ id, name: optional(text), aadObjectId: optional(text), role: optional(text) })
  .passthrough();
const conversation = z
  .object({
    id,
    name: optional(text),
    conversationType: optional(text),
    tenantId: optional(text),
    isGroup: optional(z.boolean()),
  })
  .passthrough();
const entity = z.object({ type: text }).passthrough();
const object = z.object({}).passthrough();

/**
 * The fields botbuilder or the bot read, with their types; any other field passes as it came.
 * Timestamps become Dates as botbuilder's own request handling makes them, the text kept in `raw…`.
 */
const activitySchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES),
    id: optional(text),
    channelId: optional(text),
    serviceUrl: z.string().min(1).max(2048),
    from: account,
    recipient: account,
    conversation,
    text: optional(text),
    textFormat: optional(text),
    locale: optional(z.string().max(64)),
    name: optional(text),
    replyToId: optional(text),
    entities: optional(z.array(entity)),
    attachments: optional(z.array(object)),
    membersAdded: optional(z.array(account)),
    membersRemoved: optional(z.array(account)),
    channelData: optional(object),
    timestamp: optional(text),
    localTimestamp: optional(text),
    expiration: optional(text),
    value: z.unknown(),
  })
  .passthrough()
  .transform(({ timestamp, localTimestamp, expiration, ...rest }) => ({
    ...rest,
    ...(timestamp === undefined ? {} : { timestamp: new Date(timestamp), rawTimestamp: timestamp }),
    ...(localTimestamp === undefined
      ? {}
      : { localTimestamp: new Date(localTimestamp), rawLocalTimestamp: localTimestamp }),
    ...(expiration === undefined ? {} : { expiration: new Date(expiration), rawExpiration: expiration }),
  }));

/** The first problem zod found, as a reason for the log: where, and what was expected. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a Bot Framework activity';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the body';
  return `${where}: ${issue.message}`.slice(0, 200);
}

export function checkIncomingActivity(body: unknown, localMode: boolean): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, reason: 'the body is not a JSON object' };
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, reason: firstIssue(parsed.error) };
  const activity = parsed.data as unknown as Activity;
  const problem = serviceUrlProblem(activity.serviceUrl);
  if (problem) return { ok: false, status: 400, reason: problem };
  if (localMode && !isLoopbackUrl(activity.serviceUrl)) {
    return { ok: false, status: 403, reason: 'in local mode only a serviceUrl on this machine is answered' };
  }
  return { ok: true, activity };
}
