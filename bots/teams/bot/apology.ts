/**
 * What the user is told when answering fails: a short apology in their language with a reference
 * that is also in the log, so a report from a user leads to the error.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../core';
// The apology is card text of the six languages, translated like the answers; the core's index
// exports no text lookup, so it is read through the core's translator directly.
import { translatorFor } from '../../../core/i18n';

/** A short correlation id: enough to find one error in a day's logs, short enough to read out. */
export function newReference(): string {
  return randomUUID().replace(/-/g, '').slice(0, 12);
}

export function apologyText(locale: Locale, reference: string): string {
  return translatorFor(locale).text('error.apology', { reference });
}
