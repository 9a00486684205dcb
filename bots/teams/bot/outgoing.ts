/**
 * The conversation layer's outcomes as Teams activities, sent where they belong: into the asker's
 * thread, or in place of a card.
 */
import { type Activity, type ResourceResponse, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Answer } from '../../../core';
import type { Outcome, Replace } from '../../conversation/outcome';
import { answerAttachment, checkAttachment } from '../cards/attachment';
import { threadConversationId } from './activityInfo';

/** A message carrying the answer card; the summary is what notifications and chat lists show. */
export function answerMessage(answer: Answer): Partial<Activity> {
  return { type: 'message', summary: answer.title, attachments: [answerAttachment(answer)] };
}

/** The activity for an outcome; none for a refusal that says nothing. */
export function activityFor(outcome: Outcome): Partial<Activity> | undefined {
  switch (outcome.kind) {
    case 'answer':
      return answerMessage(outcome.answer);
    case 'hint':
      return { type: 'message', text: outcome.note.text };
    case 'rateLimited':
      return outcome.notice && { type: 'message', text: outcome.notice.text };
    case 'failed':
      return { type: 'message', text: outcome.apology.text };
    case 'checking':
      return { type: 'message', text: outcome.progress.text };
    case 'checked':
      return { type: 'message', summary: outcome.card.title, attachments: [checkAttachment(outcome.card)] };
    case 'checkRefused':
      return { type: 'message', text: outcome.note.text };
  }
}

/**
 * Replies in the incoming activity's thread. Teams usually names the thread in the conversation id
 * already, and a plain reply lands there; a channel root post whose conversation id lacks it gets
 * its reply addressed to `;messageid=<root>` explicitly, through the turn's connector client.
 */
export async function replyInThread(
  context: TurnContext,
  message: Partial<Activity>,
): Promise<ResourceResponse | undefined> {
  const incoming = context.activity;
  const thread = threadConversationId(incoming);
  if (thread === incoming.conversation.id) return context.sendActivity(message);

  const reference = TurnContext.getConversationReference(incoming);
  const outgoing = TurnContext.applyConversationReference(
    { ...message },
    { ...reference, conversation: { ...incoming.conversation, id: thread } },
  );
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  return client.conversations.replyToActivity(thread, incoming.id ?? '', outgoing);
}

/**
 * How to replace the bot's message `activityId`, sent in this turn, once the turn is over (a check's
 * progress line by its result): the turn's connector client and the thread's address are kept, since
 * the turn's context is revoked when the turn ends. The client's calls go through the outbound policy.
 */
export function replacerAfterTurn(context: TurnContext, activityId: string): Replace {
  const incoming = context.activity;
  const thread = threadConversationId(incoming);
  const reference = TurnContext.getConversationReference(incoming);
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  return async (outcome) => {
    const message = activityFor(outcome);
    if (!message) return;
    const activity = TurnContext.applyConversationReference(
      { ...message, id: activityId },
      { ...reference, conversation: { ...incoming.conversation, id: thread } },
    );
    await client.conversations.updateActivity(thread, activityId, activity as Activity);
  };
}

/** Replaces the card of an earlier bot message (`activityId`) with `message`. */
export async function replaceMessage(
  context: TurnContext,
  activityId: string,
  message: Partial<Activity>,
): Promise<void> {
  await context.updateActivity({ ...message, id: activityId });
}
