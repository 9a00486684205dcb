/**
 * The core functions a turn calls, behind an interface so that the channel can be given another
 * implementation: tests inject one that fails, to see the apology path end to end.
 */
import {
  type Answer,
  type AnswerRequest,
  type AskOptions,
  answerAgain,
  ask,
  type Locale,
  type Reply,
} from '../../../core';

export interface Answerer {
  ask(text: string, options: AskOptions): Reply;
  answerAgain(request: AnswerRequest, locale: Locale): Answer;
}

export const coreAnswerer: Answerer = { ask, answerAgain };
