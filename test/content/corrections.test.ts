/** What the answers say, checked against the article and the standards, in every language. */
import {
  type Answer,
  type AnswerRequest,
  answerAgain,
  ask,
  KNOWN_CODES,
  LOCALES,
  plainOf,
  renderPlainText,
} from '../../core';
import { CONTENT } from '../../core/content';
import { PASTES } from '../support/pastes';

const explain = (code: string): AnswerRequest => ({ intent: 'explain', codes: [{ code }], details: {} });
const textOf = (answer: Answer) => renderPlainText(answer);
const sectionText = (answer: Answer, id: string) =>
  textOf({
    ...answer,
    title: '',
    summary: '',
    links: [],
    sections: answer.sections.filter((s) => s.id === id),
  });

describe.each([...LOCALES])('%s', (locale) => {
  const content = CONTENT[locale].answer;

  test.each([...KNOWN_CODES])(
    'every answer about %s says Microsoft 365 retries for 24 hours, then an NDR',
    (code) => {
      for (const request of [explain(code), { ...explain(code), intent: 'fix' as const }]) {
        expect(textOf(answerAgain(request, locale))).toContain(content.retry);
      }
      // The expired form says it in its own note.
      expect(textOf(answerAgain(explain(`5${code.slice(1)}`), locale))).toMatch(/24/);
    },
  );

  test('the 4.4.317 commands read the TLS settings and explain them; none changes them', () => {
    const commands = sectionText(answerAgain(explain('4.4.317'), locale), 't0-commands');
    expect(commands).toContain('| Format-List Name, SmartHosts, TlsSettings, TlsDomain');
    expect(commands).not.toContain('Set-OutboundConnector');
    expect(commands).toContain(content.commands.tlsSettingsNote);
    for (const setting of ['EncryptionOnly', 'CertificateValidation', 'DomainValidation', 'TlsDomain'])
      expect(content.commands.tlsSettingsNote).toContain(setting);
  });

  test('a new smart host goes with -UseMXRecord $false', () => {
    const commands = sectionText(answerAgain(explain('4.4.312'), locale), 't0-commands');
    expect(commands).toMatch(/-UseMXRecord \$false -SmartHosts/);
  });

  test('4.7.320 gives steps: what the server presents, the name, the chain, the connector setting', () => {
    const text = textOf(answerAgain({ ...explain('4.7.320'), intent: 'fix' }, locale));
    expect(text).toContain('openssl s_client -starttls smtp -connect <mail.contoso.com>:25 -servername');
    expect(text).toContain('SAN');
    for (const setting of ['TlsSettings', 'DomainValidation', 'TlsDomain']) expect(text).toContain(setting);
    expect(content.codes.c4_7_320.fix.length).toBeGreaterThanOrEqual(3);
  });

  test('the socket error in a paste is Windows’ own, not the remote server’s words', () => {
    const text = textOf(ask(PASTES.ndr, { chosenLocale: locale }).answer);
    expect(text).toContain(`${content.facts.message}: Socket error code 10061`);
    expect(text).toContain(content.socketError.c10061);
    expect(text).toContain('Windows');
  });

  test('4.4.318 names the firewall’s SMTP inspection instead of “those rules”', () => {
    expect(content.codes.c4_4_318.causes[0]).toMatch(/SMTP/);
  });
});

/** How each language says that Fix now reduces the risk of exceeding the quota (the article's words). */
const REDUCES_THE_RISK = {
  en: 'reduces the risk',
  es: 'reduce el riesgo',
  'pt-BR': 'reduz o risco',
  'zh-CN': '降低',
  it: 'riduce il rischio',
  pl: 'Zmniejsza to ryzyko',
} as const;

/** Today's EAC: the connector's flyout has Disable or Delete, then Confirm; the accepted domains page. */
const EAC_LABELS = {
  en: ['**Disable**', '**Delete**', '**Confirm**', '**Accepted domains**'],
  es: ['**Deshabilitar**', '**Eliminar**', '**Confirmar**', '**Dominios aceptados**'],
  'pt-BR': ['**Desabilitar**', '**Excluir**', '**Confirmar**', '**Domínios aceitos**'],
  'zh-CN': ['**禁用**', '**删除**', '**确认**', '**接受域**'],
  it: ['**Disabilita**', '**Elimina**', '**Conferma**', '**Domini accettati**'],
  pl: ['**Wyłącz**', '**Usuń**', '**Potwierdź**', '**Zaakceptowane domeny**'],
} as const;

describe.each([...LOCALES])('4.4.316 in %s', (locale) => {
  const [firewall, fixNow, manual, acceptedDomain] = CONTENT[locale].answer.codes.c4_4_316.fix;

  test('Fix now reduces the risk of exceeding the quota; it promises nothing more', () => {
    expect(fixNow).toContain(REDUCES_THE_RISK[locale]);
  });

  test('the manual route follows today’s EAC, and the accepted domain is the one in Microsoft 365', () => {
    for (const label of EAC_LABELS[locale]) expect(`${manual} ${acceptedDomain}`).toContain(label);
    expect(acceptedDomain).toContain('Microsoft 365');
  });

  test('the firewall step comes first, Fix now first when the on-premises servers were retired', () => {
    const first = (request: AnswerRequest) => sectionText(answerAgain(request, locale), 't0-first');
    expect(first(explain('4.4.316'))).toContain(plainOf(firewall ?? '-').slice(0, 20));
    expect(first({ ...explain('4.4.316'), onPremisesRetired: true })).toContain(
      plainOf(fixNow ?? '-').slice(0, 20),
    );
  });
});

describe('codes Exchange Online gives a meaning of its own', () => {
  test('5.4.1: registered as no answer from host; in Exchange Online, recipient address rejected', () => {
    const text = textOf(ask('what does 5.4.1 mean?').answer);
    expect(text).toContain('Detail 1: no answer from host.');
    expect(text).toContain('Recipient address rejected: Access denied');
  });

  test.each([
    ['5.7.57', 'Client was not authenticated to send anonymous mail during MAIL FROM'],
    ['5.7.60', 'Client does not have permissions to send as this sender'],
    ['5.7.64', 'TenantAttribution; Relay Access Denied'],
    ['5.7.708', 'Access denied, traffic not accepted from this IP'],
  ])('%s: not in the registry; Microsoft’s meaning is given', (code, words) => {
    for (const locale of LOCALES) {
      const text = textOf(answerAgain(explain(code), locale));
      expect(text).toContain(words);
      expect(text).toContain(CONTENT[locale].answer.rfc.unregistered.split('{{')[0]?.trim() || code);
    }
  });

  test('a code Exchange Online has no meaning of its own for says nothing about it', () => {
    expect(textOf(ask('5.7.1').answer)).not.toContain('Exchange Online uses');
  });
});
