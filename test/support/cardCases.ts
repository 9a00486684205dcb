/**
 * The cards whose first screen must fit: each mail flow intelligence code, in each language, asked
 * as a question and pasted from Exchange Online. Shared by the Slack first-message test and
 * `npm run cards:measure`. Pastes use documentation addresses (contoso.com, 192.0.2.0/24).
 */
import { type Answer, ask, KNOWN_CODES, type KnownCode, LOCALES, type Locale } from '../../core';
import { CONTENT } from '../../core/content';
import { PASTES } from './pastes';

export type CaseKind = 'question' | 'paste' | 'fix';

export interface CardCase {
  code: KnownCode;
  locale: Locale;
  kind: CaseKind;
  answer: Answer;
}

/** A queue entry's reason as Exchange Online shows it, for each code. */
export const CODE_PASTES: Record<KnownCode, string> = {
  '4.4.312':
    'Reason: [{LED=450 4.4.312 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain [LastAttemptedServerName=mail.contoso.com] [BN3NAM01FT008.eop-nam01.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=};{LRT=11/20/2026 9:15:02 AM}]',
  '4.4.315':
    'Reason: [{LED=450 4.4.315 Connection timed out [Message=Socket error code 10060] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=192.0.2.15:25] [BN3NAM01FT008.eop-nam01.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=192.0.2.15};{LRT=11/20/2026 9:15:02 AM}]',
  '4.4.316':
    'Reason: [{LED=450 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=192.0.2.10:25] [BN3NAM01FT008.eop-nam01.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=192.0.2.10};{LRT=11/20/2026 9:15:02 AM}]',
  '4.4.317': PASTES.starttls,
  '4.4.318':
    'Reason: [{LED=450 4.4.318 Connection was closed abruptly [Message=Socket error code 10054] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=192.0.2.18:25] [BN3NAM01FT008.eop-nam01.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=192.0.2.18};{LRT=11/20/2026 9:15:02 AM}]',
  '4.7.320': PASTES.ledReason,
};

/** "What does 4.4.316 mean?" in the locale's own words: its first help example, for this code. */
const question = (code: KnownCode, locale: Locale): string =>
  (CONTENT[locale].answer.help.examples[0] ?? code).replace('4.4.316', code);

/** How each language asks how to fix a code. */
const FIX_QUESTION: Record<Locale, (code: string) => string> = {
  en: (code) => `how do I fix ${code}?`,
  es: (code) => `¿cómo soluciono ${code}?`,
  'pt-BR': (code) => `como corrigir ${code}?`,
  'zh-CN': (code) => `如何修复 ${code}？`,
  it: (code) => `come risolvo ${code}?`,
  pl: (code) => `jak naprawić ${code}?`,
};

function text(code: KnownCode, locale: Locale, kind: CaseKind): string {
  switch (kind) {
    case 'question':
      return question(code, locale);
    case 'paste':
      return CODE_PASTES[code];
    case 'fix':
      return FIX_QUESTION[locale](code);
  }
}

/** Every code × language × kind; a pasted error is in English, so the client's locale picks the language. */
export function cardCases(kinds: readonly CaseKind[] = ['question', 'paste']): CardCase[] {
  return KNOWN_CODES.flatMap((code) =>
    LOCALES.flatMap((locale) =>
      kinds.map((kind) => ({
        code,
        locale,
        kind,
        answer: ask(text(code, locale, kind), { clientLocale: locale }).answer,
      })),
    ),
  );
}
