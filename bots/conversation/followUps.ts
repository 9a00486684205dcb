/**
 * The last answer in each thread or chat, for follow-ups that name no code ("how do I fix it?",
 * "¿y qué significa?"): they are about what was answered there last.
 */
import { type AnswerRequest, parseAnswerRequest, type Understanding } from '../../core';
import { CONVERSATION_LIMITS } from './limits';
import type { ConversationStore } from './store';

/** Asks about codes without naming any. */
export const isFollowUp = (understanding: Understanding): boolean =>
  (understanding.intent === 'fix' || understanding.intent === 'explain') && understanding.codes.length === 0;

export class LastAnswers {
  constructor(private readonly store: ConversationStore) {}

  /** The request last answered at `place` of `channel`, checked as read back from the store. */
  async get(channel: string, place: string): Promise<AnswerRequest | undefined> {
    return parseAnswerRequest(await this.store.get('lastAnswer', `${channel}:${place}`));
  }

  /** Remembers an answer about codes; answers about none (help, list) leave the last one in place. */
  async remember(channel: string, place: string, request: AnswerRequest): Promise<void> {
    if (request.codes.length === 0) return;
    await this.store.set('lastAnswer', `${channel}:${place}`, request, CONVERSATION_LIMITS.lastAnswer.ttlMs);
  }
}
