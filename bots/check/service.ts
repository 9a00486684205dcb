/**
 * The live check as a service for the chat side: who may run it, how often, a result cache per
 * target, and a log line for every check asked for. The conversation layer calls `runCheck` and
 * renders the outcome with the core's check card (or the refusal text) in the user's language.
 */
import type { CheckRefusal } from '../../core/check/messages';
import type { CheckResult } from '../../core/check/model';
import { type CheckTarget, parseCheckTarget, parseHostName } from '../../core/check/target';
import { checkVerdict } from '../../core/check/verdict';
import type { CheckOutcome, LiveChecks, Requester, RunCheckOptions } from '../conversation/liveCheck';
import { type RateLimit, TokenBuckets } from '../runtime/tokenBuckets';
import { checkServer } from './checkServer';
import type { CheckSettings } from './settings';

/** What the service logs with; pino's logger fits. */
export interface CheckLogger {
  info(details: Record<string, unknown>, message: string): void;
}

export interface CheckLimits {
  perRequester: RateLimit;
  perTarget: RateLimit;
}

export interface CheckServiceOptions {
  settings: CheckSettings;
  logger: CheckLogger;
  limits?: CheckLimits;
  /** How long a target's result is given again instead of checking anew. */
  cacheMs?: number;
  now?: () => number;
}

/** The service is the conversation layer's port to the check (the layer owns the port's types). */
export type CheckService = LiveChecks;
export type { CheckOutcome, Requester, RunCheckOptions };

/**
 * A person may run a few checks in a row and then one every 20 seconds; a target is checked at
 * most a few times a minute whoever asks (the cache answers the rest), so the bot can't be turned
 * into a tool for hammering someone's mail server.
 */
export const DEFAULT_CHECK_LIMITS: CheckLimits = {
  perRequester: { burst: 5, perSecond: 1 / 20 },
  perTarget: { burst: 3, perSecond: 1 / 30 },
};

const CACHE_MS = 60_000;
/** Results kept at most; the oldest go first. */
const MAX_CACHED = 1000;

export function createCheckService(options: CheckServiceOptions): CheckService {
  const { settings, logger } = options;
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? CACHE_MS;
  const limits = options.limits ?? DEFAULT_CHECK_LIMITS;
  const buckets = new TokenBuckets({ maxKeys: 10_000, now });
  const allowed = settings.allowedRequesters ? new Set(settings.allowedRequesters) : undefined;
  const cache = new Map<string, { result: CheckResult; expires: number }>();
  /** Checks running now, so that two people asking about one target at once share one check. */
  const running = new Map<string, Promise<CheckOutcome>>();

  function cached(key: string): CheckResult | undefined {
    const entry = cache.get(key);
    if (entry && entry.expires > now()) return entry.result;
    cache.delete(key);
    return undefined;
  }

  function remember(key: string, result: CheckResult): void {
    cache.set(key, { result, expires: now() + cacheMs });
    for (const oldest of cache.keys()) {
      if (cache.size <= MAX_CACHED) break;
      cache.delete(oldest);
    }
  }

  function log(requester: Requester, host: string, outcome: CheckOutcome, tlsDomain?: string): CheckOutcome {
    const common = { requester: requester.key, target: host, ...(tlsDomain ? { tlsDomain } : {}) };
    if (outcome.kind === 'refused')
      logger.info({ check: { ...common, refused: outcome.reason } }, 'live check refused');
    else
      logger.info(
        {
          check: {
            ...common,
            verdict: checkVerdict(outcome.result) ?? 'passed',
            ...(outcome.result.address ? { address: outcome.result.address } : {}),
            ms: outcome.result.ms,
            cached: outcome.cached,
          },
        },
        'live check',
      );
    return outcome;
  }

  async function check(
    key: string,
    target: CheckTarget,
    tlsDomain: string | undefined,
  ): Promise<CheckOutcome> {
    const run = await checkServer(target, { settings, ...(tlsDomain ? { tlsDomain } : {}), now });
    if (run.kind === 'refused') return { kind: 'refused', reason: 'privateAddress', host: target.host };
    remember(key, run.result);
    return { kind: 'checked', result: run.result, cached: false };
  }

  /** The refusals known before anything is looked up. */
  function earlyRefusal(host: string, requester: Requester): CheckRefusal | undefined {
    if (!settings.enabled) return 'disabled';
    if (allowed && !requester.ids.some((id) => allowed.has(id))) return 'notAllowed';
    return parseCheckTarget(host) ? undefined : 'invalidTarget';
  }

  // What the user typed goes in the log only as long as a host name can be.
  const refuse = (requester: Requester, host: string, reason: CheckRefusal): CheckOutcome =>
    log(requester, host.slice(0, 253), { kind: 'refused', reason });

  /** A refusal known before anything is looked up, logged like any other. */
  function refusalBefore(host: string, requester: Requester): CheckRefusal | undefined {
    const reason = earlyRefusal(host, requester);
    if (reason) refuse(requester, host, reason);
    return reason;
  }

  async function runCheck(host: string, { tlsDomain, requester }: RunCheckOptions): Promise<CheckOutcome> {
    const early = earlyRefusal(host, requester);
    if (early) return refuse(requester, host, early);
    const target = parseCheckTarget(host);
    const domain = tlsDomain === undefined ? undefined : parseHostName(tlsDomain);
    if (!target || (tlsDomain !== undefined && domain === undefined))
      return refuse(requester, host, 'invalidTarget');

    const key = `${target.host} ${domain ?? ''}`;
    const hit = cached(key);
    if (hit) return log(requester, target.host, { kind: 'checked', result: hit, cached: true }, domain);
    const shared = running.get(key);
    if (shared) return log(requester, target.host, await shared, domain);
    const admitted =
      buckets.take(`requester:${requester.key}`, limits.perRequester) &&
      buckets.take(`target:${target.host}`, limits.perTarget);
    if (!admitted) return refuse(requester, host, 'rateLimited');

    const pending = check(key, target, domain).finally(() => running.delete(key));
    running.set(key, pending);
    return log(requester, target.host, await pending, domain);
  }

  return { refusalBefore, runCheck };
}
