/**
 * A Teams activity as the conversation layer sees it: who asked, where (the chat, the channel
 * thread), and what they wrote.
 */
import type { Activity } from 'botbuilder';
import type { Place, Requester, Sender } from '../../conversation/message';

export const CHANNEL_NAME = 'teams';

/** Teams names the thread a channel message belongs to in the conversation id, after this marker. */
const THREAD_MARKER = ';messageid=';

/** The key a user's stored choices are kept under: the Entra object id where Teams sends it. */
export function userKey(activity: Activity): string {
  return activity.from.aadObjectId ?? activity.from.id;
}

export function isChannelConversation(activity: Activity): boolean {
  return activity.conversation.conversationType === 'channel';
}

/** The tenant the user belongs to, as Teams names it in the activity. */
function tenantOf(activity: Activity): string | undefined {
  const fromChannelData: unknown = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant
    ?.id;
  const tenant = typeof fromChannelData === 'string' ? fromChannelData : activity.conversation.tenantId;
  return tenant || undefined;
}

/** Who asks for a live check, in the ids an allow-list names: `teams:TENANT` and `teams:TENANT:USER`. */
function requesterOf(activity: Activity): Requester {
  const tenant = tenantOf(activity) ?? 'unknown-tenant';
  const key = `${CHANNEL_NAME}:${tenant}:${userKey(activity)}`;
  return { key, ids: [`${CHANNEL_NAME}:${tenant}`, key] };
}

export function senderOf(activity: Activity): Sender {
  return {
    channel: CHANNEL_NAME,
    user: userKey(activity),
    requester: requesterOf(activity),
    // Rate limits count per chat, and in a channel per thread (Teams names it in the conversation id):
    // a loop of bots runs in one thread, and a busy channel's threads don't share one allowance.
    conversation: activity.conversation.id,
    clientLocale: activity.locale,
    deliveryId: activity.id,
  };
}

/**
 * Where the message was written: a chat (personal or group), a reply in a channel thread, or a new
 * post at a channel's top level, whose thread the conversation id names after `;messageid=` with the
 * post's own id (or not at all).
 */
export function placeOf(activity: Activity): Place {
  const key = threadConversationId(activity);
  if (!isChannelConversation(activity)) return { kind: 'chat', key };
  const root = activity.conversation.id.split(THREAD_MARKER)[1];
  return root === undefined || root === activity.id ? { kind: 'channelRoot', key } : { kind: 'thread', key };
}

/**
 * The conversation id that addresses the activity's thread. In a channel that is the channel's id
 * with `;messageid=` and the root post's id, as Teams sends it for posts and their replies; a root
 * post whose conversation id lacks the marker is itself the root. Elsewhere the conversation id.
 */
export function threadConversationId(activity: Activity): string {
  const id = activity.conversation.id;
  if (!isChannelConversation(activity) || id.includes(THREAD_MARKER) || !activity.id) return id;
  return `${id}${THREAD_MARKER}${activity.id}`;
}

/**
 * The message text meant for the bot: every mention of the bot removed (Teams puts
 * `<at>Bot name</at>` into the text of channel and group messages), other mentions kept as written.
 * Unlike `TurnContext.removeRecipientMention`, this leaves the activity as it came.
 */
export function textForBot(activity: Activity): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mentioned: unknown = entity.mentioned;
    const mentionText: unknown = entity.text;
    if (typeof mentionText !== 'string' || !mentionText) continue;
    if (typeof mentioned !== 'object' || mentioned === null) continue;
    if ((mentioned as { id?: unknown }).id !== activity.recipient.id) continue;
    text = text.split(mentionText).join(' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}
