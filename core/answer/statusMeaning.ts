/** What an enhanced status code means, by the standard and in Exchange Online, in the answer's language. */
import { CONTENT } from '../content';
import type { Translator } from '../i18n';
import { exchangeOnlineKey } from '../knowledge/exchangeOnlineCodes';
import type { StatusCodeParts } from '../knowledge/statusCode';
import type { Locale } from '../locales';

/**
 * The standard meaning of a code's class, subject and detail, one sentence for class and subject
 * and one for the detail, saying plainly when the detail isn't registered.
 */
export function standardMeaning(t: Translator, locale: Locale, parts: StatusCodeParts): string[] {
  const rfc = CONTENT[locale].rfc3463;
  const classMeaning = rfc.class[`c${parts.statusClass}`];
  const subjectMeaning =
    rfc.subject[`s${parts.subject}` as keyof typeof rfc.subject] ?? t.text('rfc.unknownSubject');
  const detailMeaning = rfc.detail[`d${parts.subject}_${parts.detail}` as keyof typeof rfc.detail];
  const classAndSubject = t.text('rfc.parts', {
    class: parts.statusClass,
    classMeaning,
    subject: parts.subject,
    subjectMeaning,
  });
  const detail = detailMeaning
    ? t.text('rfc.registered', { detail: parts.detail, detailMeaning })
    : t.text('rfc.unregistered', { detail: parts.detail });
  return [classAndSubject, detail];
}

/** What Exchange Online means by `code` where it gives the code a meaning of its own. */
export function exchangeOnlineMeaning(t: Translator, code: string): string | undefined {
  const key = exchangeOnlineKey(code);
  return key === undefined ? undefined : t.text(`exchangeOnline.${key}`);
}
