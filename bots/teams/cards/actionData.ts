/** What an answer card's Submit action sends back to the bot. */
import type { AnswerRequest, Locale } from '../../../core';

/** Id of the card's language picker; its value arrives next to the action's data. */
export const LANGUAGE_INPUT_ID = 'mailflowLocale';

export interface LanguageSwitchData {
  mailflow: 'switchLanguage';
  request: AnswerRequest;
}

/** The card's "Check the server": the server the pasted error named, and the card's language. */
export interface CheckServerData {
  mailflow: 'checkServer';
  host: string;
  locale: Locale;
}
