/** A message to the bot (personal chat, group chat, a channel post that mentions it): the answer card. */
import { performance } from 'node:perf_hooks';
import type { TurnContext } from 'botbuilder';
import {
  type Answer,
  type AnswerRequest,
  isLocale,
  rateLimitedText,
  type Understanding,
} from '../../../core';
import { elapsedMs } from '../../runtime/elapsed';
import { textForBot, threadConversationId, userKey } from './activityInfo';
import { preferredLocale } from './preferences';
import { answerMessage, replyInThread } from './replies';
import type { TurnDeps } from './turnDeps';

export const HELP_REQUEST: AnswerRequest = { intent: 'help', codes: [], details: {} };

/** "How do I fix it?", "¿y qué significa?": asks about codes without naming any. */
function isFollowUp(understanding: Understanding): boolean {
  return (
    (understanding.intent === 'fix' || understanding.intent === 'explain') && understanding.codes.length === 0
  );
}

function answerText(context: TurnContext, deps: TurnDeps, text: string): Answer {
  const { answerer, state } = deps;
  const activity = context.activity;
  const user = userKey(activity);
  const reply = answerer.ask(text, {
    clientLocale: activity.locale,
    chosenLocale: state.chosenLocales.get(user),
  });
  const { understanding } = reply;

  if (understanding.intent === 'language' && isLocale(understanding.requestedLocale)) {
    state.chosenLocales.set(user, understanding.requestedLocale);
  }
  const previous = state.lastRequests.get(threadConversationId(activity));
  if (isFollowUp(understanding) && previous) {
    // The question's own language still rules (the answer to it is already in the right one).
    return answerer.answerAgain({ ...previous, intent: understanding.intent }, reply.answer.locale);
  }
  return reply.answer;
}

/** Whether the message may be answered; tells the user once when it may not. */
async function withinLimits(context: TurnContext, deps: TurnDeps): Promise<boolean> {
  const activity = context.activity;
  const decision = deps.limits.check(userKey(activity), activity.conversation.id);
  if (decision === 'allow') return true;
  deps.logger.warn({ decision }, 'rate limited');
  if (decision === 'refuseWithNotice') {
    await replyInThread(context, {
      type: 'message',
      text: rateLimitedText(preferredLocale(context, deps.state)),
    });
  }
  return false;
}

export async function answerMessageTurn(context: TurnContext, deps: TurnDeps): Promise<void> {
  const started = performance.now();
  if (!(await withinLimits(context, deps))) return;
  const text = textForBot(context.activity);
  deps.logger.debug({ text }, 'message received');
  // A bare mention of the bot ("@Mail flow") is a request for help rather than a question.
  const answer = text
    ? answerText(context, deps, text)
    : deps.answerer.answerAgain(HELP_REQUEST, preferredLocale(context, deps.state));
  if (answer.codes.length > 0)
    deps.state.lastRequests.set(threadConversationId(context.activity), answer.request);

  await replyInThread(context, answerMessage(answer));
  deps.logger.info(
    {
      intent: answer.intent,
      codes: answer.codes,
      locale: answer.locale,
      latencyMs: elapsedMs(started),
    },
    'answered',
  );
}
