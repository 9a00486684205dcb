/**
 * One URL, three encodings: the Events API posts JSON; slash commands post a form; interactivity
 * posts a form whose `payload` field holds JSON.
 */

export type SlackBody = Record<string, unknown>;

export type Parsed = { ok: true; body: SlackBody } | { ok: false; reason: string };

const isObject = (value: unknown): value is SlackBody =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonObject(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { ok: true, body: value } : { ok: false, reason: 'JSON body is not an object' };
  } catch {
    return { ok: false, reason: 'malformed JSON' };
  }
}

/** The media type without parameters: `application/json; charset=utf-8` → `application/json`. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

export function parseSlackBody(rawBody: string, contentType: string | undefined): Parsed {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === 'application/json') return parseJsonObject(rawBody);
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    return payload === null ? { ok: true, body: Object.fromEntries(form) } : parseJsonObject(payload);
  }
  return { ok: false, reason: `unsupported content type "${mediaType}"` };
}

/**
 * Slack's SSL check for slash command URLs: `ssl_check=1`, which expects a 200 and nothing else. It is
 * the one request that may come unsigned, so it is answered before verification and never dispatched.
 */
export function isSslCheck(rawBody: string, contentType: string | undefined): boolean {
  return (
    mediaTypeOf(contentType) === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(rawBody).get('ssl_check') === '1'
  );
}

/** The kinds of request this app handles; anything else is refused before Bolt sees it. */
export type Envelope = 'urlVerification' | 'rateLimited' | 'event' | 'command' | 'blockActions';

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Which kind of Slack request `body` is, checking the fields the handlers rely on, or `undefined`
 * for a body that is none of them: a signed request can still be malformed, and Bolt would throw on
 * it rather than answer.
 */
export function envelopeOf(body: SlackBody): Envelope | undefined {
  if (body.type === 'url_verification') return isString(body.challenge) ? 'urlVerification' : undefined;
  if (body.type === 'app_rate_limited') return 'rateLimited';
  if (body.type === 'event_callback') {
    const event = body.event;
    return isObject(event) && isString(event.type) && isString(body.event_id) ? 'event' : undefined;
  }
  if (body.type === 'block_actions') {
    return Array.isArray(body.actions) && isObject(body.user) && isString(body.user.id)
      ? 'blockActions'
      : undefined;
  }
  if (isString(body.command) && isString(body.user_id) && isString(body.channel_id) && isString(body.text)) {
    return 'command';
  }
  return undefined;
}

const LOGGED_CHARS = 64;
const clip = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, LOGGED_CHARS) : undefined;

/**
 * What a request asked for, for the log line of one that no handler took: the command, or the
 * clicked actions' ids (neither carries the user's words), cut short.
 */
export function requestSummary(body: SlackBody): { type?: string; command?: string; actionIds?: string[] } {
  const type = clip(body.type);
  const command = clip(body.command);
  const actionIds = Array.isArray(body.actions)
    ? body.actions.slice(0, 5).map((action) => clip(isObject(action) ? action.action_id : undefined) ?? '?')
    : undefined;
  return {
    ...(type === undefined ? {} : { type }),
    ...(command === undefined ? {} : { command }),
    ...(actionIds === undefined ? {} : { actionIds }),
  };
}
