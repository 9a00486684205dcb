/** What a turn needs to know about a Teams activity: who asked, where, and what they wrote. */
import type { Activity } from 'botbuilder';

/** Teams names the thread a channel message belongs to in the conversation id, after this marker. */
const THREAD_MARKER = ';messageid=';

/** The key a user's stored choices are kept under: the Entra object id where Teams sends it. */
export function userKey(activity: Activity): string {
  return activity.from.aadObjectId ?? activity.from.id;
}

export function isChannelConversation(activity: Activity): boolean {
  return activity.conversation.conversationType === 'channel';
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
