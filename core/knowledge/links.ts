import type { Locale } from '../locales';
import type { AdminLink } from './knownCodes';

/** learn.microsoft.com's path segment for each answer language. */
const LEARN_LOCALE: Record<Locale, string> = {
  en: 'en-us',
  es: 'es-es',
  'pt-BR': 'pt-br',
  'zh-CN': 'zh-cn',
  it: 'it-it',
  pl: 'pl-pl',
};

const EAC = 'https://admin.exchange.microsoft.com/#';

export type LinkTarget = AdminLink | 'article';

export function linkUrl(target: LinkTarget, locale: Locale): string {
  const learn = `https://learn.microsoft.com/${LEARN_LOCALE[locale]}`;
  switch (target) {
    case 'connectors':
      return `${EAC}/connectors`;
    case 'acceptedDomains':
      return `${EAC}/accepteddomains`;
    case 'ipRanges':
      return `${learn}/microsoft-365/enterprise/urls-and-ip-address-ranges`;
    case 'article':
      return `${learn}/defender-office-365/connectors-mail-flow-intelligence`;
  }
}
