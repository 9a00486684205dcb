/**
 * One live check of a destination mail server, the way Microsoft 365 reaches it through an
 * outbound connector: DNS (A/AAAA, or the MX hosts in preference order where the name has no
 * address record), a TCP connection to port 25, then the SMTP session. Every address is put to the
 * guard before any connection, and the connection goes to the address checked (no second lookup).
 */
import { connect as netConnect, type Socket } from 'node:net';
import type { CheckResult, MxChoice, StepReport } from '../../core/check/model';
import type { CheckTarget } from '../../core/check/target';
import { Deadline, STEP_LIMIT_MS, stopwatch } from './deadline';
import { CheckResolver } from './dns';
import { decideAddress } from './guard';
import { smtpSession } from './session';
import type { CheckSettings } from './settings';

export type CheckSettingsUsed = Pick<
  CheckSettings,
  'dnsServers' | 'timeoutMs' | 'port' | 'allowPrivateAddresses'
>;

export interface CheckOptions {
  settings: CheckSettingsUsed;
  /** `--tls-domain`: the name the certificate must be valid for, instead of the host. */
  tlsDomain?: string;
  now?: () => number;
}

export type CheckRun =
  | { kind: 'checked'; result: CheckResult }
  /** The guard refused an address the target is or resolves to; nothing was connected to. */
  | { kind: 'refused'; host: string; address: string; range: string };

/** A host to connect to: the target itself, or one of its MX hosts. */
interface Candidate {
  kind: 'host';
  name: string;
  /** What the name resolved to, as the `dns` step reports it; absent for an IP address target. */
  dns?: StepReport;
  addresses: readonly string[];
}

/** A name that could not be resolved: its `dns` step report. */
interface Unresolved {
  kind: 'unresolved';
  report: StepReport;
}

type Attempt =
  | { kind: 'connected'; socket: Socket; report: StepReport; address: string }
  | { kind: 'failed'; report: StepReport; address: string };

const CONNECT_PROBLEMS: Record<string, 'refused' | 'timedOut'> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timedOut',
};

/** The socket never looks a name up: the address it is given is the one the guard passed. */
const noLookup = (): never => {
  throw new Error('a check connects to checked addresses only');
};

function connectTo(address: string, port: number, deadline: Deadline): Promise<Attempt> {
  const elapsed = stopwatch(deadline.now);
  return new Promise((resolve) => {
    const socket = netConnect({ host: address, port, lookup: noLookup, noDelay: true });
    const settle = (attempt: Attempt) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      resolve(attempt);
    };
    const failed = (problem: 'refused' | 'timedOut' | 'unreachable', error: string) => {
      socket.destroy();
      settle({
        kind: 'failed',
        address,
        report: { step: 'connect', ms: elapsed(), problem, address, port, error },
      });
    };
    const onConnect = () =>
      settle({
        kind: 'connected',
        socket,
        address,
        report: { step: 'connect', ms: elapsed(), address, port },
      });
    const onError = (error: Error & { code?: string }) => {
      const code = error.code ?? 'ECONNABORTED';
      failed(CONNECT_PROBLEMS[code] ?? 'unreachable', code);
    };
    const timer = setTimeout(() => failed('timedOut', 'ETIMEDOUT'), deadline.stepMs(STEP_LIMIT_MS.connect));
    socket.once('connect', onConnect);
    socket.once('error', onError);
  });
}

/** Connects to the first of the candidate's addresses that answers. */
async function connectToCandidate(candidate: Candidate, port: number, deadline: Deadline): Promise<Attempt> {
  let first: Attempt | undefined;
  for (const address of candidate.addresses) {
    const attempt = await connectTo(address, port, deadline);
    if (attempt.kind === 'connected') return attempt;
    first ??= attempt;
    if (deadline.stepMs(STEP_LIMIT_MS.connect) === 0) break;
  }
  return first as Attempt;
}

function unresolved(
  ms: number,
  name: string,
  lookup: { kind: 'notFound' | 'noData' } | { kind: 'failed'; error: string },
  mx?: MxChoice,
): Unresolved {
  const problem =
    lookup.kind === 'notFound' ? 'nameNotFound' : lookup.kind === 'noData' ? 'noAddress' : 'dnsFailed';
  return {
    kind: 'unresolved',
    report: {
      step: 'dns',
      ms,
      name,
      addresses: [],
      problem,
      ...(lookup.kind === 'failed' ? { error: lookup.error } : {}),
      ...(mx ? { mx } : {}),
    },
  };
}

/**
 * The hosts a name's mail goes to, in the order a sender tries them, each resolved only when the
 * one before it could not be resolved or reached. Yields a `dns` failure report where one fails.
 */
async function* candidatesFor(
  host: string,
  resolver: CheckResolver,
  now: () => number,
): AsyncGenerator<Candidate | Unresolved> {
  const elapsed = stopwatch(now);
  const direct = await resolver.addresses(host);
  if (direct.kind === 'found') {
    const report: StepReport = { step: 'dns', ms: elapsed(), name: host, addresses: direct.addresses };
    yield { kind: 'host', name: host, dns: report, addresses: direct.addresses };
    return;
  }
  if (direct.kind !== 'noData') {
    yield unresolved(elapsed(), host, direct);
    return;
  }
  const mx = await resolver.mx(host);
  if (mx.kind !== 'found') {
    yield unresolved(elapsed(), host, mx);
    return;
  }
  for (const record of mx.records) {
    const lookup = await resolver.addresses(record.exchange);
    yield lookup.kind === 'found'
      ? {
          kind: 'host',
          name: record.exchange,
          addresses: lookup.addresses,
          dns: { step: 'dns', ms: elapsed(), name: record.exchange, addresses: lookup.addresses, mx: record },
        }
      : unresolved(elapsed(), record.exchange, lookup, record);
  }
}

async function candidates(
  target: CheckTarget,
  options: CheckOptions,
  deadline: Deadline,
): Promise<AsyncIterable<Candidate | Unresolved>> {
  if (target.kind === 'address') {
    return (async function* (): AsyncGenerator<Candidate> {
      yield { kind: 'host', name: target.address, addresses: [target.address] };
    })();
  }
  return candidatesFor(target.host, new CheckResolver(options.settings.dnsServers, deadline), deadline.now);
}

export async function checkServer(target: CheckTarget, options: CheckOptions): Promise<CheckRun> {
  const { settings } = options;
  const deadline = new Deadline(settings.timeoutMs, options.now);
  const total = stopwatch(deadline.now);
  const result = (steps: readonly StepReport[], address?: string): CheckRun => ({
    kind: 'checked',
    result: {
      host: target.host,
      ...(address ? { address } : {}),
      ...(options.tlsDomain ? { tlsDomain: options.tlsDomain } : {}),
      steps,
      ms: total(),
    },
  });

  // Where no host could be reached, the result shows the first that resolved but refused or
  // timed out (it says more than one that did not resolve), else the first that did not resolve.
  let unreachable: { steps: StepReport[]; address: string } | undefined;
  let firstUnresolved: StepReport | undefined;
  for await (const candidate of await candidates(target, options, deadline)) {
    if (candidate.kind === 'unresolved') {
      firstUnresolved ??= candidate.report;
      continue;
    }
    const decisions = candidate.addresses.map((address) =>
      decideAddress(address, settings.allowPrivateAddresses),
    );
    const refused = decisions.find((decision) => !decision.allowed);
    if (refused && !refused.allowed) return { kind: 'refused', host: candidate.name, ...refused };

    const checked = { ...candidate, addresses: decisions.map((decision) => decision.address) };
    const attempt = await connectToCandidate(checked, settings.port, deadline);
    const resolved = candidate.dns ? [candidate.dns] : [];
    if (attempt.kind === 'failed') {
      unreachable ??= { steps: [...resolved, attempt.report], address: attempt.address };
      continue;
    }
    const serverName = target.kind === 'name' ? candidate.name : options.tlsDomain;
    const session = await smtpSession(attempt.socket, {
      certificateName: options.tlsDomain ?? candidate.name,
      ...(serverName ? { serverName } : {}),
      deadline,
    });
    return result([...resolved, attempt.report, ...session], attempt.address);
  }
  if (unreachable) return result(unreachable.steps, unreachable.address);
  return result(firstUnresolved ? [firstUnresolved] : []);
}
