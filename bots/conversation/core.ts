/**
 * The core functions the conversation layer calls, behind one seam: tests inject a core that fails,
 * to see the apology path end to end through every channel.
 */
import { answerAgain, ask } from '../../core';

export interface CoreApi {
  ask: typeof ask;
  answerAgain: typeof answerAgain;
}

export const REAL_CORE: CoreApi = { ask, answerAgain };
