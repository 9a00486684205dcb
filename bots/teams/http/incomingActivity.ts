/**
 * Checks an incoming Bot Framework request before botbuilder sees it: it must be an activity of a
 * known type, and in local mode it may only ask for replies on this machine. Without authentication
 * anyone can post to the endpoint, and the bot sends its reply to whatever `serviceUrl` the request
 * names: on loopback only, an unauthenticated bot can never be made to call another host.
 */
import { ActivityTypes } from 'botbuilder';

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

export type ActivityCheck = { ok: true } | { ok: false; status: 400 | 403; reason: string };

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

const hasStringId = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  (value as { id: string }).id !== '';

export function checkIncomingActivity(body: unknown, localMode: boolean): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, reason: 'the body is not a JSON object' };
  }
  const { type, serviceUrl, conversation, from } = body as Record<string, unknown>;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return { ok: false, status: 400, reason: 'not a Bot Framework activity type' };
  }
  if (typeof serviceUrl !== 'string' || serviceUrl.length > 2048) {
    return { ok: false, status: 400, reason: 'the activity has no serviceUrl' };
  }
  // Every activity a channel sends says who sent it where; the bot's state is keyed on both.
  if (!hasStringId(conversation) || !hasStringId(from)) {
    return { ok: false, status: 400, reason: 'the activity has no conversation or sender id' };
  }
  if (localMode && !isLoopbackUrl(serviceUrl)) {
    return { ok: false, status: 403, reason: 'in local mode only a serviceUrl on this machine is answered' };
  }
  return { ok: true };
}
