/** Check results for every way a check can end, built by hand: what the renderers must all handle. */
import type { CheckResult, StepReport } from '../../../core';

const HOST = 'mail.contoso.com';
const ADDRESS = '192.0.2.10';
const CERTIFICATE = {
  subject: 'CN=mail.contoso.com, O=Contoso',
  altNames: 'DNS:mail.contoso.com, DNS:contoso.com',
  issuer: 'CN=Contoso Issuing CA, O=Contoso',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  daysLeft: 120,
  checkedName: HOST,
};

const dns: StepReport = { step: 'dns', ms: 12, name: HOST, addresses: [ADDRESS, '2001:db8::10'] };
const connect: StepReport = { step: 'connect', ms: 30, address: ADDRESS, port: 25 };
const greeting: StepReport = {
  step: 'greeting',
  ms: 40,
  reply: '220 mail.contoso.com Microsoft ESMTP MAIL Service ready',
};
const ehlo: StepReport = {
  step: 'ehlo',
  ms: 20,
  reply: '250 mail.contoso.com Hello, SIZE 37748736, PIPELINING, STARTTLS',
};
const starttls: StepReport = { step: 'starttls', ms: 15, reply: '220 2.0.0 SMTP server ready' };
const tls: StepReport = { step: 'tls', ms: 60, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' };
const certificate: StepReport = { step: 'certificate', ms: 1, certificate: CERTIFICATE };

const PASSING: readonly StepReport[] = [dns, connect, greeting, ehlo, starttls, tls, certificate];

/** A check that passed every step before `last`'s and ended with `last`. */
function endingWith(last: StepReport): CheckResult {
  const before = PASSING.slice(
    0,
    PASSING.findIndex((step) => step.step === last.step),
  );
  return {
    host: HOST,
    ...(last.step === 'dns' ? {} : { address: ADDRESS }),
    steps: [...before, last],
    ms: 180,
  };
}

const unresolved = (problem: 'nameNotFound' | 'noAddress' | 'dnsFailed'): StepReport => ({
  ...dns,
  addresses: [],
  problem,
  ...(problem === 'dnsFailed' ? { error: 'ETIMEOUT' } : {}),
});
const smtp = (step: 'greeting' | 'ehlo' | 'starttls', problem: SmtpProblem, reply = ''): StepReport =>
  ({ step, ms: problem === 'timedOut' ? 5000 : 3, reply, problem }) as StepReport;
type SmtpProblem = 'timedOut' | 'closed' | 'serviceRefused' | 'malformedReply' | 'notOffered';
const badTls = (problem: 'tlsFailed' | 'timedOut', error: string): StepReport => ({
  step: 'tls',
  ms: 9,
  protocol: '',
  cipher: '',
  problem,
  error,
});
const badCertificate = (
  problem: 'expired' | 'notYetValid' | 'selfSigned' | 'untrusted' | 'nameMismatch',
  extra: object = {},
): StepReport => ({ ...certificate, problem, ...extra }) as StepReport;

const ENDINGS: readonly [string, string | null, StepReport][] = [
  ['every step passed', null, certificate],
  ['no such name', '4.4.312', unresolved('nameNotFound')],
  ['no address or MX', '4.4.312', unresolved('noAddress')],
  ['DNS failed', '4.4.312', unresolved('dnsFailed')],
  ['connection timed out', '4.4.315', { ...connect, ms: 5000, problem: 'timedOut', error: 'ETIMEDOUT' }],
  ['connection refused', '4.4.316', { ...connect, problem: 'refused', error: 'ECONNREFUSED' }],
  ['unreachable', '4.4.317', { ...connect, problem: 'unreachable', error: 'EHOSTUNREACH' }],
  ['no greeting', '4.4.315', smtp('greeting', 'timedOut')],
  ['closed before greeting', '4.4.318', smtp('greeting', 'closed')],
  ['421 greeting', '4.4.317', smtp('greeting', 'serviceRefused', '421 4.3.2 Service not available')],
  ['not SMTP', '4.4.317', smtp('greeting', 'malformedReply', 'HTTP/1.1 400 Bad Request')],
  ['EHLO refused', '4.4.317', smtp('ehlo', 'serviceRefused', '554 5.7.1 Go away')],
  ['closed after EHLO', '4.4.318', smtp('ehlo', 'closed')],
  ['no reply to EHLO', '4.4.315', smtp('ehlo', 'timedOut')],
  ['no STARTTLS', '4.4.317', smtp('starttls', 'notOffered')],
  ['STARTTLS refused', '4.4.317', smtp('starttls', 'serviceRefused', '454 4.7.0 TLS not available')],
  ['closed at STARTTLS', '4.4.318', smtp('starttls', 'closed')],
  ['TLS failed', '4.4.317', badTls('tlsFailed', 'ERR_SSL_WRONG_VERSION_NUMBER')],
  ['TLS timed out', '4.4.315', badTls('timedOut', 'ETIMEDOUT')],
  ['expired', '4.7.320', badCertificate('expired', { certificate: { ...CERTIFICATE, daysLeft: -3 } })],
  ['not yet valid', '4.7.320', badCertificate('notYetValid')],
  ['self-signed', '4.7.320', badCertificate('selfSigned', { error: 'DEPTH_ZERO_SELF_SIGNED_CERT' })],
  ['untrusted', '4.7.320', badCertificate('untrusted', { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })],
  [
    'another name',
    '4.7.320',
    badCertificate('nameMismatch', { certificate: { ...CERTIFICATE, checkedName: 'smtp.contoso.com' } }),
  ],
];

/** Each ending, with the code Microsoft 365 would most likely raise (CONTRACT.md's table). */
export const SAMPLE_RESULTS: { name: string; code: string | null; result: CheckResult }[] = [
  ...ENDINGS.map(([name, code, last]) => ({ name, code, result: endingWith(last) })),
  {
    name: 'passed through an MX host',
    code: null,
    result: {
      ...endingWith(certificate),
      steps: [
        { ...dns, name: 'mx1.contoso.com', mx: { exchange: 'mx1.contoso.com', preference: 10 } },
        ...PASSING.slice(1),
      ],
    },
  },
];

/** A greeting crafted to ping, link, format and move a terminal's cursor wherever it is shown. */
export const HOSTILE_GREETING: CheckResult = endingWith(
  smtp(
    'greeting',
    'serviceRefused',
    '554 <!channel> <!here> <@U123> <https://evil.example|click> [click](https://evil.example) **bold** <at>Everyone</at> &amp; \u001b[31m',
  ),
);
