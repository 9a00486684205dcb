/**
 * The check's DNS lookups, through a node:dns Resolver of its own: with CHECK_DNS_SERVERS set every
 * lookup goes to those servers, never to the system's resolver (and never to /etc/hosts).
 */
import { Resolver } from 'node:dns/promises';
import type { MxChoice } from '../../core/check/model';
import { parseHostName } from '../../core/check/target';
import { type Deadline, STEP_LIMIT_MS } from './deadline';

export type AddressLookup =
  | { kind: 'found'; addresses: readonly string[] }
  /** The name exists but has no record of the type asked for. */
  | { kind: 'noData' }
  /** NXDOMAIN. */
  | { kind: 'notFound' }
  | { kind: 'failed'; error: string };

export type MxLookup =
  | Exclude<AddressLookup, { kind: 'found' }>
  | { kind: 'found'; records: readonly MxChoice[] };

/** MX hosts a check tries at most, in preference order. */
const MAX_MX_HOSTS = 5;
/** Addresses of one host a check keeps, IPv4 first. */
const MAX_ADDRESSES = 4;

const errorCode = (error: unknown): string =>
  (error as { code?: unknown })?.code ? String((error as { code: unknown }).code) : 'EUNKNOWN';

type Query<T> = { ok: true; value: T } | { ok: false; code: string };

export class CheckResolver {
  private readonly resolver: Resolver;

  constructor(
    servers: readonly string[] | undefined,
    private readonly deadline: Deadline,
  ) {
    // c-ares retries each server once after its own timeout; the step's limit bounds the whole lookup.
    this.resolver = new Resolver({ timeout: 2000, tries: 2 });
    if (servers) this.resolver.setServers([...servers]);
  }

  /** The name's A and AAAA records (IPv4 first), asked for together. */
  async addresses(name: string): Promise<AddressLookup> {
    const [v4, v6] = await this.bounded(
      Promise.all([this.query(this.resolver.resolve4(name)), this.query(this.resolver.resolve6(name))]),
    );
    const found = [...(v4.ok ? v4.value : []), ...(v6.ok ? v6.value : [])];
    if (found.length > 0) return { kind: 'found', addresses: found.slice(0, MAX_ADDRESSES) };
    return this.outcome([v4, v6]);
  }

  /** The name's MX hosts in preference order; a null MX (RFC 7505) or an unusable name is left out. */
  async mx(name: string): Promise<MxLookup> {
    const [records] = await this.bounded(Promise.all([this.query(this.resolver.resolveMx(name))]));
    if (!records.ok) return this.outcome([records]);
    const usable = records.value
      .flatMap((record) => {
        const exchange = parseHostName(record.exchange);
        return exchange ? [{ exchange, preference: record.priority }] : [];
      })
      .sort((a, b) => a.preference - b.preference)
      .slice(0, MAX_MX_HOSTS);
    return usable.length > 0 ? { kind: 'found', records: usable } : { kind: 'noData' };
  }

  private outcome(queries: readonly Query<unknown>[]): Exclude<AddressLookup, { kind: 'found' }> {
    const codes = queries.flatMap((query) => (query.ok ? [] : [query.code]));
    if (codes.includes('ENOTFOUND')) return { kind: 'notFound' };
    const failure = codes.find((code) => code !== 'ENODATA');
    return failure ? { kind: 'failed', error: failure } : { kind: 'noData' };
  }

  private query<T>(promise: Promise<T>): Promise<Query<T>> {
    return promise.then(
      (value): Query<T> => ({ ok: true, value }),
      (error: unknown): Query<T> => ({ ok: false, code: errorCode(error) }),
    );
  }

  /** Cancels the lookups still running when the step's time is up; they then fail as timed out. */
  private async bounded<T extends readonly Query<unknown>[]>(lookups: Promise<T>): Promise<T> {
    const timer = setTimeout(() => this.resolver.cancel(), this.deadline.stepMs(STEP_LIMIT_MS.dns));
    try {
      const results = await lookups;
      return results.map((result) =>
        !result.ok && result.code === 'ECANCELLED' ? { ok: false, code: 'ETIMEOUT' } : result,
      ) as unknown as T;
    } finally {
      clearTimeout(timer);
    }
  }
}
