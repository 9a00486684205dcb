/**
 * Where each known code is explained in the source article: learn.microsoft.com keeps the same
 * heading anchors in every language edition.
 */

import type { Locale } from '../locales';
import type { KnownCode } from './knownCodes';
import { linkUrl } from './links';

const ANCHORS: Record<KnownCode, string> = {
  '4.4.312': 'error-code-450-44312-dns-query-failed',
  '4.4.315': 'error-code-450-44315-connection-timed-out',
  '4.4.316': 'error-code-450-44316-connection-refused',
  '4.4.317': 'error-code-450-44317-cannot-connect-to-remote-server',
  '4.4.318': 'error-code-450-44318-connection-was-closed-abruptly',
  '4.7.320': 'error-code-450-47320-certificate-validation-failed',
};

/** The article's section about `code`, in the answer's language. */
export const articleSectionUrl = (code: KnownCode, locale: Locale): string =>
  `${linkUrl('article', locale)}#${ANCHORS[code]}`;
