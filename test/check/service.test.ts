/**
 * The check service the chat side will call: enabled or not, who may ask, rate limits per person
 * and per target, the one-minute cache, one check shared by simultaneous askers, and a log line
 * for each. Real checks against a stand-in on loopback, in this process.
 */
import {
  type CheckLogger,
  type CheckServiceOptions,
  createCheckService,
  type Requester,
} from '../../bots/check/service';
import { DEFAULT_CHECK_SETTINGS } from '../../bots/check/settings';
import { type DnsStandIn, startDnsStandIn } from './support/dnsStandIn';
import { type MailStandIn, startSmtpStandIn } from './support/smtpStandIns';

let dns: DnsStandIn;
let server: MailStandIn;

beforeAll(async () => {
  dns = await startDnsStandIn({
    'a.contoso.test': { A: ['127.0.0.1'] },
    'b.contoso.test': { A: ['127.0.0.1'] },
    'c.contoso.test': { A: ['127.0.0.1'] },
  });
  server = await startSmtpStandIn({ noStartTls: true });
});

afterAll(async () => {
  await Promise.all([dns.close(), server.close()]);
});

const alice: Requester = { key: 'slack:T1:UALICE', ids: ['slack:T1', 'slack:T1:UALICE'] };
const bob: Requester = { key: 'teams:tenant-2:bob', ids: ['teams:tenant-2', 'teams:tenant-2:bob'] };

function service(overrides: Partial<CheckServiceOptions> = {}, settings = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger: CheckLogger = { info: (details) => lines.push(details) };
  let clock = 1_000_000;
  const checks = createCheckService({
    settings: {
      ...DEFAULT_CHECK_SETTINGS,
      dnsServers: [dns.server],
      port: server.port,
      allowPrivateAddresses: true,
      timeoutMs: 5000,
      ...settings,
    },
    logger,
    now: () => clock,
    ...overrides,
  });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { checks, lines, advance };
}

test('a check runs and is logged with who asked, the target and the verdict', async () => {
  const { checks, lines } = service();
  const outcome = await checks.runCheck('A.contoso.test', { requester: alice });
  expect(outcome).toMatchObject({ kind: 'checked', cached: false, result: { host: 'a.contoso.test' } });
  expect(lines).toEqual([
    {
      check: expect.objectContaining({
        requester: 'slack:T1:UALICE',
        target: 'a.contoso.test',
        verdict: '4.4.317',
        address: '127.0.0.1',
        cached: false,
      }),
    },
  ]);
});

test('a target checked a moment ago gets the same result for a minute, then a new check', async () => {
  const { checks, advance } = service();
  const before = server.connections;
  const first = await checks.runCheck('b.contoso.test', { requester: alice });
  const again = await checks.runCheck('b.contoso.test', { requester: bob });
  expect(again).toMatchObject({ kind: 'checked', cached: true });
  expect(again.kind === 'checked' && first.kind === 'checked' && again.result).toBe(
    first.kind === 'checked' && first.result,
  );
  expect(server.connections).toBe(before + 1);
  advance(61_000);
  expect(await checks.runCheck('b.contoso.test', { requester: alice })).toMatchObject({ cached: false });
  expect(server.connections).toBe(before + 2);
});

test('people asking about one target at once share one check', async () => {
  const { checks } = service();
  const before = server.connections;
  const outcomes = await Promise.all([
    checks.runCheck('c.contoso.test', { requester: alice }),
    checks.runCheck('c.contoso.test', { requester: bob }),
  ]);
  expect(outcomes.map((outcome) => outcome.kind)).toEqual(['checked', 'checked']);
  expect(server.connections).toBe(before + 1);
});

test('one person may run a few checks, then is told to wait; others are not', async () => {
  const { checks, lines } = service({
    limits: { perRequester: { burst: 2, perSecond: 0.001 }, perTarget: { burst: 100, perSecond: 1 } },
    cacheMs: 0,
  });
  const targets = ['a.contoso.test', 'b.contoso.test', 'c.contoso.test'];
  const outcomes = [];
  for (const target of targets) outcomes.push(await checks.runCheck(target, { requester: alice }));
  expect(outcomes.map((outcome) => outcome.kind)).toEqual(['checked', 'checked', 'refused']);
  expect(outcomes[2]).toEqual({ kind: 'refused', reason: 'rateLimited' });
  expect(lines.at(-1)).toEqual({
    check: { requester: alice.key, target: 'c.contoso.test', refused: 'rateLimited' },
  });
  expect(await checks.runCheck('c.contoso.test', { requester: bob })).toMatchObject({ kind: 'checked' });
});

test('one target is checked only so often, whoever asks', async () => {
  const { checks } = service({
    limits: { perRequester: { burst: 100, perSecond: 1 }, perTarget: { burst: 1, perSecond: 0.001 } },
    cacheMs: 0,
  });
  expect(await checks.runCheck('a.contoso.test', { requester: alice })).toMatchObject({ kind: 'checked' });
  expect(await checks.runCheck('a.contoso.test', { requester: bob })).toEqual({
    kind: 'refused',
    reason: 'rateLimited',
  });
});

test('CHECK_ENABLED=false, the allow-list, a bad target and a private address are refused before any connection', async () => {
  const before = server.connections;
  const off = service({}, { enabled: false });
  expect(await off.checks.runCheck('a.contoso.test', { requester: alice })).toEqual({
    kind: 'refused',
    reason: 'disabled',
  });

  const listed = service({}, { allowedRequesters: ['teams:tenant-2'] });
  expect(await listed.checks.runCheck('a.contoso.test', { requester: alice })).toMatchObject({
    reason: 'notAllowed',
  });

  const { checks } = service();
  expect(await checks.runCheck('not a host', { requester: alice })).toMatchObject({
    reason: 'invalidTarget',
  });
  expect(
    await checks.runCheck('a.contoso.test', { requester: alice, tlsDomain: 'bad domain' }),
  ).toMatchObject({ reason: 'invalidTarget' });

  const guarded = service({}, { allowPrivateAddresses: false });
  expect(await guarded.checks.runCheck('a.contoso.test', { requester: alice })).toEqual({
    kind: 'refused',
    reason: 'privateAddress',
    host: 'a.contoso.test',
  });
  expect(await guarded.checks.runCheck('127.0.0.1', { requester: alice })).toMatchObject({
    reason: 'privateAddress',
  });
  expect(server.connections).toBe(before);
  expect(listed.lines).toEqual([
    { check: { requester: alice.key, target: 'a.contoso.test', refused: 'notAllowed' } },
  ]);
});

test('a listed organization may run checks', async () => {
  const { checks } = service({}, { allowedRequesters: ['slack:T1'] });
  expect(await checks.runCheck('a.contoso.test', { requester: alice })).toMatchObject({ kind: 'checked' });
});

test('the refusals known up front are told before a check starts, and logged', () => {
  const off = service({}, { enabled: false });
  expect(off.checks.refusalBefore('a.contoso.test', alice)).toBe('disabled');
  const listed = service({}, { allowedRequesters: ['teams:tenant-2'] });
  expect(listed.checks.refusalBefore('a.contoso.test', alice)).toBe('notAllowed');
  expect(listed.checks.refusalBefore('a.contoso.test', bob)).toBeUndefined();
  const open = service();
  expect(open.checks.refusalBefore('not a host', alice)).toBe('invalidTarget');
  // A private address is known only once the name is resolved: the check itself refuses it.
  expect(
    service({}, { allowPrivateAddresses: false }).checks.refusalBefore('127.0.0.1', alice),
  ).toBeUndefined();
  expect(off.lines).toEqual([
    { check: { requester: alice.key, target: 'a.contoso.test', refused: 'disabled' } },
  ]);
  expect(listed.lines).toEqual([
    { check: { requester: alice.key, target: 'a.contoso.test', refused: 'notAllowed' } },
  ]);
});
