/**
 * From a user's words to the answer, with what the Slack bot remembers: the user's chosen language
 * (a language command stores it), and the last codes answered in a thread (a follow-up such as
 * "how do I fix it?" names no code, so it is about those).
 */
import { type Answer, type AnswerRequest, answerAgain, ask, isLocale, type Locale } from '../../../core';
import type { SlackState } from '../state';

/** The core functions the Slack bot calls; injectable so that tests can make them fail. */
export interface CoreApi {
  ask: typeof ask;
  answerAgain: typeof answerAgain;
}

export const REAL_CORE: CoreApi = { ask, answerAgain };

export interface Asker {
  userId: string;
  /** The user's Slack locale, where known. */
  clientLocale?: string | undefined;
  /** `channel:thread_ts` of the thread the answer goes to, for follow-ups. */
  thread?: string | undefined;
}

/** An empty `/mailflow` or a bare mention asks what the bot can do. */
const EMPTY_MESSAGE_MEANS = 'help';

const isFollowUp = (answer: Answer): boolean =>
  (answer.intent === 'fix' || answer.intent === 'explain') && answer.codes.length === 0;

export class Answering {
  constructor(
    private readonly state: Pick<SlackState, 'chosenLocales' | 'threadRequests'>,
    private readonly core: CoreApi,
  ) {}

  chosenLocale(userId: string): Locale | undefined {
    return this.state.chosenLocales.get(userId);
  }

  answer(text: string, asker: Asker): Answer {
    const { understanding, answer } = this.core.ask(text.trim() || EMPTY_MESSAGE_MEANS, {
      clientLocale: asker.clientLocale,
      chosenLocale: this.chosenLocale(asker.userId),
    });
    if (understanding.intent === 'language' && isLocale(understanding.requestedLocale))
      this.state.chosenLocales.set(asker.userId, understanding.requestedLocale);

    const previous = asker.thread ? this.state.threadRequests.get(asker.thread) : undefined;
    const final =
      previous && isFollowUp(answer)
        ? this.core.answerAgain({ ...previous, intent: answer.intent }, answer.locale)
        : answer;
    if (asker.thread) this.remember(asker.thread, final.request);
    return final;
  }

  /** A language picked on a card: stored as the user's choice. */
  choose(userId: string, locale: Locale): void {
    this.state.chosenLocales.set(userId, locale);
  }

  /** Draws a card's answer again (after a language pick or a fix toggle). */
  again(request: AnswerRequest, locale: Locale, pickedLocale?: Locale): Answer {
    return this.core.answerAgain(request, locale, request.intent === 'language' ? pickedLocale : undefined);
  }

  remember(thread: string, request: AnswerRequest): void {
    if (request.codes.length > 0) this.state.threadRequests.set(thread, request);
  }
}
