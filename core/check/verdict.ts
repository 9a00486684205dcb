/**
 * The code Microsoft 365 would most likely raise for what a check saw (CONTRACT.md, the check
 * object's `code`). One problem, one code: the table is the whole rule.
 */
import type { KnownCode } from '../knowledge/knownCodes';
import type { CheckProblem, CheckResult, StepReport } from './model';

const CODE_FOR: Record<CheckProblem, KnownCode> = {
  // The name does not resolve, or the lookup itself failed.
  nameNotFound: '4.4.312',
  noAddress: '4.4.312',
  dnsFailed: '4.4.312',
  // No answer within the time allowed, at any step after DNS.
  timedOut: '4.4.315',
  refused: '4.4.316',
  // The server can't be reached, or it refuses service: a 421/554 greeting, EHLO or STARTTLS
  // refused, no STARTTLS offered, a reply that is not SMTP, or a TLS negotiation that fails.
  unreachable: '4.4.317',
  serviceRefused: '4.4.317',
  malformedReply: '4.4.317',
  notOffered: '4.4.317',
  tlsFailed: '4.4.317',
  // The server closed the connection in the middle of the session.
  closed: '4.4.318',
  // The certificate is expired, not yet valid, untrusted or for another name.
  expired: '4.7.320',
  notYetValid: '4.7.320',
  selfSigned: '4.7.320',
  untrusted: '4.7.320',
  nameMismatch: '4.7.320',
};

export const codeForProblem = (problem: CheckProblem): KnownCode => CODE_FOR[problem];

/** The step that failed: a check stops there, so it is the last one, if any failed. */
export function failedStep(result: CheckResult): StepReport | undefined {
  const last = result.steps.at(-1);
  return last?.problem === undefined ? undefined : last;
}

/** The code for the result, or `null` when every step passed. */
export function checkVerdict(result: CheckResult): KnownCode | null {
  const problem = failedStep(result)?.problem;
  return problem === undefined ? null : codeForProblem(problem);
}
