import { ask, LOCALES, renderPlainText } from '../../core';
import { PASTES } from '../support/pastes';
import { SAMPLE_ANSWERS } from '../support/sampleAnswers';

const textOf = (question: string, options = {}) => renderPlainText(ask(question, options).answer);

/** The admin center's own labels in each language, as the localized article shows them. */
const LABELS = {
  en: {
    fixNow: 'Fix now',
    internalRelay: 'Internal Relay',
    authoritative: 'Authoritative',
    article: 'en-us',
  },
  es: {
    fixNow: 'Corregir ahora',
    internalRelay: 'Retransmisión interna',
    authoritative: 'Autoritativo',
    article: 'es-es',
  },
  'pt-BR': {
    fixNow: 'Corrigir agora',
    internalRelay: 'Retransmissão Interna',
    authoritative: 'Autoritativo',
    article: 'pt-br',
  },
  'zh-CN': { fixNow: '立即修复', internalRelay: '内部中继', authoritative: '权威', article: 'zh-cn' },
  it: {
    fixNow: 'Correggi ora',
    internalRelay: 'Inoltro interno',
    authoritative: 'Autorevole',
    article: 'it-it',
  },
  pl: {
    fixNow: 'Napraw teraz',
    internalRelay: 'Przekazywanie wewnętrzne',
    authoritative: 'Autorytatywny',
    article: 'pl-pl',
  },
} as const;

describe.each(LOCALES)('4.4.316 in %s', (locale) => {
  const text = textOf('4.4.316', { chosenLocale: locale });
  const labels = LABELS[locale];

  test('offers Fix now and the manual route with the localized labels', () => {
    expect(text).toContain(labels.fixNow);
    expect(text).toContain(labels.internalRelay);
    expect(text).toContain(labels.authoritative);
  });

  test('gives the commands, the admin pages and the article in the answer’s language', () => {
    expect(text).toContain('Set-AcceptedDomain -Identity <domain> -DomainType Authoritative');
    expect(text).toContain('Set-OutboundConnector -Identity "<connector name>" -Enabled $false');
    expect(text).toContain('https://admin.exchange.microsoft.com/#/connectors');
    expect(text).toContain(
      `https://learn.microsoft.com/${labels.article}/defender-office-365/connectors-mail-flow-intelligence`,
    );
    expect(text).toContain(
      `https://learn.microsoft.com/${labels.article}/microsoft-365/enterprise/urls-and-ip-address-ranges`,
    );
  });

  test('says the changes take 30 to 60 minutes', () => {
    expect(text).toMatch(/30/);
    expect(text).toMatch(/60|1/);
  });
});

test.each(SAMPLE_ANSWERS)('$name: no key or placeholder shows through', ({ answer }) => {
  const text = renderPlainText(answer);
  expect(text).not.toMatch(/\{\{|\b(?:codes|sections|actions|rfc|expired|relation)\.[a-z]/);
});

test('the expired form says it is 4.4.316 after a day of retries, back to the sender', () => {
  const { answer } = ask('550 5.4.316 Message expired, connection refused(Socket error code 10061)');
  expect(answer.codes).toEqual(['5.4.316']);
  expect(answer.title).toBe('5.4.316 Connection refused');
  const text = renderPlainText(answer);
  expect(text).toContain('5.4.316 is the final form of 4.4.316');
  expect(text).toContain('24 hours');
  expect(text).toContain('Fix now');
});

test('an NDR with both forms explains 4.4.316 once and shows the destination', () => {
  const { answer } = ask(PASTES.ndr);
  expect(answer.codes).toEqual(['5.4.316', '4.4.316']);
  expect(answer.sections.filter((section) => section.fold === 'steps').map((s) => s.id)).toEqual([
    't0-steps',
  ]);
  expect(answer.sections.filter((section) => section.fold === 'commands')).toHaveLength(1);
  const text = renderPlainText(answer);
  expect(text).toContain('Destination server: mail.contoso.com');
  expect(text).toContain('IP address: 192.0.2.10');
  expect(text).toContain('Port: 25');
});

test('another registered code gets its standard meaning and the general guidance', () => {
  const text = textOf('what is 5.7.1?');
  expect(text).toContain('Status code 5.7.1');
  expect(text).toContain('permanent failure');
  expect(text).toContain('security or policy');
  expect(text).toContain('delivery not authorized, message refused');
  expect(text).toContain('Destination server');
});

test('an unregistered detail is said to be unregistered, not guessed', () => {
  const text = textOf('4.4.999');
  expect(text).toContain("Detail 999 isn't a registered code");
  expect(text).toContain('network and routing');
});

test('a remote server reply inside a connector error: both answered, and how they relate', () => {
  const { answer } = ask(PASTES.starttls);
  const text = renderPlainText(answer);
  expect(answer.title).toBe('4.4.317 Cannot connect to remote server · 5.7.3');
  expect(text).toContain("5.7.3 is the destination server's own reply, quoted inside 4.4.317.");
  expect(text).toContain('security conversion required but not possible');
});

test('an expiry quoting its cause', () => {
  const text = textOf(PASTES.expiredQueue);
  expect(text).toContain(
    '4.4.316 is what the delivery attempts ran into; 4.4.7 says the message then expired.',
  );
  expect(text).toContain('delivery time expired');
  expect(text).toContain('Fix now');
});

test('asking how to fix opens the steps, and only them', () => {
  const { answer } = ask('how do I fix 4.4.316?');
  expect(answer.intent).toBe('fix');
  expect(answer.folds.map(({ id, open }) => [id, open])).toEqual([
    ['causes', false],
    ['steps', true],
    ['commands', false],
  ]);
});

test('asking what a code means opens nothing: the first screen has the retries and the first step', () => {
  const { answer } = ask('what does 4.4.316 mean?');
  expect(answer.folds.some((fold) => fold.open)).toBe(false);
  const firstScreen = answer.sections.filter((section) => section.fold === undefined).map((s) => s.id);
  expect(firstScreen).toEqual(['retry', 't0-first']);
});

test('the first screen comes first, then each fold in its order', () => {
  const { answer } = ask(PASTES.starttls);
  const order = answer.sections.map((section) => section.fold ?? '');
  const rank = (fold: string) => ['', 'causes', 'steps', 'commands'].indexOf(fold);
  expect(order.map(rank)).toEqual([...order.map(rank)].sort((a, b) => a - b));
});

test('list names the six codes', () => {
  const text = textOf('list', { chosenLocale: 'es' });
  for (const code of ['4.4.312', '4.4.315', '4.4.316', '4.4.317', '4.4.318', '4.7.320'])
    expect(text).toContain(code);
});

test('the language command answers in the chosen language', () => {
  const { answer } = ask('lang pl');
  expect(answer).toMatchObject({ intent: 'language', locale: 'pl', codes: [] });
  expect(answer.summary).toBe('Od teraz będę odpowiadać po polsku.');
});

test('the input is bounded: nothing past 16 KB is read', () => {
  const { answer } = ask(`${'x '.repeat(8 * 1024)}4.4.316`);
  expect(answer.codes).toEqual([]);
});
