/** The short texts around a live check in chat: the progress line, and why a check was not run. */
import { translatorFor } from '../i18n';
import type { Locale } from '../locales';

/** Why a check was not run. Each has its text in `locales/<lng>/check.json` (`refused.*`). */
export type CheckRefusal = 'disabled' | 'notAllowed' | 'invalidTarget' | 'privateAddress' | 'rateLimited';

/** "Checking mail.contoso.com…", shown at once while the check runs. `host` is a validated target. */
export const checkProgressText = (host: string, locale: Locale): string =>
  translatorFor(locale).text('check:progress', { host });

/** Why the check of `host` was not run, in the user's language. */
export const checkRefusalText = (reason: CheckRefusal, locale: Locale, host = ''): string =>
  translatorFor(locale).text(`check:refused.${reason}`, { host });
