/**
 * A live check asked for in chat: the progress line goes out at once ("Checking mail.contoso.com…"),
 * and only once it is delivered does the check run, apart from the request that asked for it (a
 * Slack ack or a Teams turn is not held for seconds), its result then replacing the progress line.
 * A refusal known up front (turned off, not allowed) is said instead of the progress line; one known
 * only later (a private address, too many checks) replaces it. Whatever fails after the progress
 * line is logged, never thrown: nobody is waiting on the request any more.
 */
import {
  apologyText,
  buildCheckCard,
  type CheckRefusal,
  checkProgressText,
  checkRefusalText,
  type Locale,
} from '../../core';
import type { Logger } from '../runtime/logger';
import { turnReference, withTurnReference } from '../runtime/turnReference';
import type { CheckOutcome, LiveChecks, Requester } from './liveCheck';
import type { Sender } from './message';
import type { Delivered, Outcome } from './outcome';

/** Who asks: the channel's requester, or else the user's key within the channel. */
export function requesterOf(sender: Sender): Requester {
  if (sender.requester) return sender.requester;
  const key = `${sender.channel}:${sender.user}`;
  return { key, ids: [key] };
}

const refusal = (reason: CheckRefusal, locale: Locale, host: string): Outcome => ({
  kind: 'checkRefused',
  note: { text: checkRefusalText(reason, locale, host), locale },
});

function resultOutcome(outcome: CheckOutcome, locale: Locale, host: string): Outcome {
  if (outcome.kind === 'checked') return { kind: 'checked', card: buildCheckCard(outcome.result, locale) };
  return refusal(outcome.reason, locale, outcome.host ?? host);
}

export class CheckRuns {
  /** Checks whose result is still to be delivered, for a shutdown to wait on. */
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly checks: LiveChecks) {}

  /** What to say first when `sender` asks for a check of `host`: the progress line, or why not. */
  start(host: string, locale: Locale, sender: Sender): Outcome {
    const refused = this.checks.refusalBefore(host, requesterOf(sender));
    if (refused) return refusal(refused, locale, host);
    return { kind: 'checking', progress: { text: checkProgressText(host, locale), locale }, host };
  }

  /**
   * Once the progress line is out: runs the check and puts its result in the line's place. Returns
   * at once; the work runs on with the turn's reference but outside its time budget (a Teams turn's
   * replies must end within seconds of the request, the check may take longer).
   */
  follow(outcome: Outcome, where: Delivered | undefined, sender: Sender, logger: Logger): void {
    if (outcome.kind !== 'checking') return;
    const reference = turnReference();
    const work = withTurnReference(
      () => reference,
      () => this.finish(outcome.host, outcome.progress.locale, sender, where, logger),
    );
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Resolves once every check in progress has delivered its result, or after `ms`. */
  async drain(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([Promise.allSettled([...this.running]), late]);
    clearTimeout(timer);
  }

  private async finish(
    host: string,
    locale: Locale,
    sender: Sender,
    where: Delivered | undefined,
    logger: Logger,
  ): Promise<void> {
    let result: Outcome;
    try {
      result = resultOutcome(
        await this.checks.runCheck(host, { requester: requesterOf(sender) }),
        locale,
        host,
      );
    } catch (error) {
      const reference = turnReference();
      logger.error({ err: error, reference }, 'live check failed');
      result = { kind: 'failed', apology: { text: apologyText(locale, reference), locale }, reference };
    }
    if (!where?.replace) {
      logger.error({ outcome: result.kind }, 'the channel gave no way to replace the check’s progress line');
      return;
    }
    try {
      await where.replace(result);
      logger.info({ outcome: result.kind, locale }, 'check result delivered');
    } catch (error) {
      logger.error({ err: error, reference: turnReference() }, 'could not replace the check’s progress line');
    }
  }
}
