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

const result = (steps: StepReport[], address: string | undefined = ADDRESS): CheckResult => ({
  host: HOST,
  ...(address ? { address } : {}),
  steps,
  ms: 180,
});

/** Each ending, with the code Microsoft 365 would most likely raise (CONTRACT.md's table). */
export const SAMPLE_RESULTS: { name: string; code: string | null; result: CheckResult }[] = [
  {
    name: 'every step passed',
    code: null,
    result: result([dns, connect, greeting, ehlo, starttls, tls, certificate]),
  },
  {
    name: 'passed through an MX host',
    code: null,
    result: result([
      { ...dns, name: 'mx1.contoso.com', mx: { exchange: 'mx1.contoso.com', preference: 10 } },
      connect,
      greeting,
      ehlo,
      starttls,
      tls,
      certificate,
    ]),
  },
  {
    name: 'no such name',
    code: '4.4.312',
    result: result([{ ...dns, addresses: [], problem: 'nameNotFound' }], undefined),
  },
  {
    name: 'no address or MX',
    code: '4.4.312',
    result: result([{ ...dns, addresses: [], problem: 'noAddress' }], undefined),
  },
  {
    name: 'DNS failed',
    code: '4.4.312',
    result: result([{ ...dns, addresses: [], problem: 'dnsFailed', error: 'ETIMEOUT' }], undefined),
  },
  {
    name: 'connection timed out',
    code: '4.4.315',
    result: result([dns, { ...connect, ms: 5000, problem: 'timedOut', error: 'ETIMEDOUT' }]),
  },
  {
    name: 'connection refused',
    code: '4.4.316',
    result: result([dns, { ...connect, problem: 'refused', error: 'ECONNREFUSED' }]),
  },
  {
    name: 'unreachable',
    code: '4.4.317',
    result: result([dns, { ...connect, problem: 'unreachable', error: 'EHOSTUNREACH' }]),
  },
  {
    name: 'no greeting',
    code: '4.4.315',
    result: result([dns, connect, { step: 'greeting', ms: 2500, reply: '', problem: 'timedOut' }]),
  },
  {
    name: 'closed before greeting',
    code: '4.4.318',
    result: result([dns, connect, { step: 'greeting', ms: 3, reply: '', problem: 'closed' }]),
  },
  {
    name: '421 greeting',
    code: '4.4.317',
    result: result([
      dns,
      connect,
      { step: 'greeting', ms: 3, reply: '421 4.3.2 Service not available', problem: 'serviceRefused' },
    ]),
  },
  {
    name: 'not SMTP',
    code: '4.4.317',
    result: result([
      dns,
      connect,
      { step: 'greeting', ms: 3, reply: 'HTTP/1.1 400 Bad Request', problem: 'malformedReply' },
    ]),
  },
  {
    name: 'EHLO refused',
    code: '4.4.317',
    result: result([
      dns,
      connect,
      greeting,
      { step: 'ehlo', ms: 3, reply: '554 5.7.1 Go away', problem: 'serviceRefused' },
    ]),
  },
  {
    name: 'closed after EHLO',
    code: '4.4.318',
    result: result([dns, connect, greeting, { step: 'ehlo', ms: 3, reply: '', problem: 'closed' }]),
  },
  {
    name: 'no reply to EHLO',
    code: '4.4.315',
    result: result([dns, connect, greeting, { step: 'ehlo', ms: 5000, reply: '', problem: 'timedOut' }]),
  },
  {
    name: 'no STARTTLS',
    code: '4.4.317',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      { step: 'starttls', ms: 0, reply: '', problem: 'notOffered' },
    ]),
  },
  {
    name: 'STARTTLS refused',
    code: '4.4.317',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      { step: 'starttls', ms: 2, reply: '454 4.7.0 TLS not available', problem: 'serviceRefused' },
    ]),
  },
  {
    name: 'closed at STARTTLS',
    code: '4.4.318',
    result: result([dns, connect, greeting, ehlo, { step: 'starttls', ms: 2, reply: '', problem: 'closed' }]),
  },
  {
    name: 'TLS failed',
    code: '4.4.317',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      starttls,
      {
        step: 'tls',
        ms: 9,
        protocol: '',
        cipher: '',
        problem: 'tlsFailed',
        error: 'ERR_SSL_WRONG_VERSION_NUMBER',
      },
    ]),
  },
  {
    name: 'TLS timed out',
    code: '4.4.315',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      starttls,
      { step: 'tls', ms: 5000, protocol: '', cipher: '', problem: 'timedOut', error: 'ETIMEDOUT' },
    ]),
  },
  {
    name: 'expired',
    code: '4.7.320',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      starttls,
      tls,
      { ...certificate, problem: 'expired', certificate: { ...CERTIFICATE, daysLeft: -3 } },
    ]),
  },
  {
    name: 'not yet valid',
    code: '4.7.320',
    result: result([dns, connect, greeting, ehlo, starttls, tls, { ...certificate, problem: 'notYetValid' }]),
  },
  {
    name: 'self-signed',
    code: '4.7.320',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      starttls,
      tls,
      { ...certificate, problem: 'selfSigned', error: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    ]),
  },
  {
    name: 'untrusted',
    code: '4.7.320',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      starttls,
      tls,
      { ...certificate, problem: 'untrusted', error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    ]),
  },
  {
    name: 'another name',
    code: '4.7.320',
    result: result([
      dns,
      connect,
      greeting,
      ehlo,
      starttls,
      tls,
      {
        ...certificate,
        problem: 'nameMismatch',
        certificate: { ...CERTIFICATE, checkedName: 'smtp.contoso.com' },
      },
    ]),
  },
];

/** A greeting crafted to ping, link, format and move a terminal's cursor wherever it is shown. */
export const HOSTILE_GREETING: CheckResult = result([
  dns,
  connect,
  {
    step: 'greeting',
    ms: 3,
    reply:
      '554 <!channel> <!here> <@U123> <https://evil.example|click> [click](https://evil.example) **bold** <at>Everyone</at> &amp; \u001b[31m',
    problem: 'serviceRefused',
  },
]);
