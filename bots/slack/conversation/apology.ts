/**
 * When answering fails: a short apology in the user's language with a reference that is also in the
 * log line with the error, so an admin can find what happened from a user's screenshot.
 */
import { randomUUID } from 'node:crypto';
import { type Locale, translatorFor } from '../../../core';
import { escapeMrkdwn } from '../blocks/mrkdwn';

export const newReference = (): string => randomUUID().slice(0, 8);

export const apologyText = (locale: Locale, reference: string): string =>
  escapeMrkdwn(translatorFor(locale).text('error.apology', { reference }));
