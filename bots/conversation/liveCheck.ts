/**
 * The live check of a mail server as the conversation layer needs it: a port that the composition
 * root fills with the network service (`bots/check/service.ts`), so that this layer decides when a
 * check runs and what the user sees, and never opens a connection itself.
 */
import type { CheckRefusal, CheckResult } from '../../core';

/** Who asks, as the channel knows them. */
export interface Requester {
  /** One person, for rate limits and the log: `teams:TENANT:AAD_OBJECT_ID`, `slack:TEAM:USER`. */
  key: string;
  /**
   * The ids an allow-list entry may name: the person's key and their organization's
   * (`teams:TENANT`, `slack:TEAM`).
   */
  ids: readonly string[];
}

export type CheckOutcome =
  | { kind: 'checked'; result: CheckResult; cached: boolean }
  | { kind: 'refused'; reason: CheckRefusal; host?: string };

export interface RunCheckOptions {
  tlsDomain?: string;
  requester: Requester;
}

export interface LiveChecks {
  /**
   * Why a check of `host` would be refused before anything is looked up (turned off, not on the
   * allow-list, not a host name or an address), or `undefined` when it may run. A refusal is
   * logged, as every check asked for is.
   */
  refusalBefore(host: string, requester: Requester): CheckRefusal | undefined;
  /** Runs the check (or gives a result cached a moment ago); refusals are outcomes, not errors. */
  runCheck(host: string, options: RunCheckOptions): Promise<CheckOutcome>;
}
