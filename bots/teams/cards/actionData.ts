/** What an answer card's Submit action sends back to the bot. */
import type { AnswerRequest } from '../../../core';

/** Id of the card's language picker; its value arrives next to the action's data. */
export const LANGUAGE_INPUT_ID = 'mailflowLocale';

export interface LanguageSwitchData {
  mailflow: 'switchLanguage';
  request: AnswerRequest;
}
