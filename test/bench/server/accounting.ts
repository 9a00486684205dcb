/** The bench's arithmetic, kept pure so that a unit test can check it: lost replies, ratios, levelling. */

/** What one measurement of one endpoint on one server came to. */
export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received. */
  responses: number;
  /** Responses with a 2xx status. */
  acked: number;
  /**
   * Replies that reached the user: for Teams those the connector stand-in received, for Slack the
   * acks that carried the answer.
   */
  delivered: number;
  /** Replies that never arrived, or acks that carried no answer. */
  lost: number;
  /** Connection errors and timeouts seen by the load generator. */
  errors: number;
  /** The server's CPU time per request answered: what throughput costs, whatever else the machine runs. */
  cpuMicrosPerRequest: number;
  /** When the measured run started and ended, on the monotonic clock of CPU profiles (µs). */
  window?: { fromMicros: number; toMicros: number };
  /** Share of the measured run's messages that came from users never seen before. */
  newUserShare?: number;
}

/**
 * Teams: every request must be acked, and every 2xx means the bot's turn finished, which sends its
 * reply before finishing, so each one must have reached the connector. Requests still in flight when
 * the load stops may add replies that no counted response matches (at most one per connection); they
 * cannot cancel a loss beyond that, so the surplus is not subtracted.
 */
export function lostTeamsReplies(tally: { responses: number; acked: number }, delivered: number): number {
  return tally.responses - tally.acked + Math.max(0, tally.acked - delivered);
}

/** Slack answers in the ack itself: a non-2xx, or a 2xx whose body lacks the answer, is a lost reply. */
export function lostSlackReplies(tally: { responses: number; answered: number }): number {
  return tally.responses - tally.answered;
}

export interface Targets {
  /** Our throughput at least this share of the yardstick's. */
  minThroughputRatio: number;
  /** Our p99 at most this multiple of the yardstick's. */
  maxP99Ratio: number;
}

/**
 * Against the fixed-answer bot, which carries the same answers through the same stack and does
 * nothing else: what our work (understanding, answering, rendering, state, logging) may cost.
 */
export const TARGETS: Record<'teams' | 'slack', Targets> = {
  teams: { minThroughputRatio: 0.9, maxP99Ratio: 1.2 },
  slack: { minThroughputRatio: 0.75, maxP99Ratio: 1.2 },
};

export interface Comparison {
  throughputRatio: number;
  p99Ratio: number;
  /** Our CPU time per request over the yardstick's. */
  cpuRatio: number;
  /** Within the targets, with every request answered and no connection error. */
  met: boolean;
}

export function compare(ours: Measurement, yardstick: Measurement, targets?: Targets): Comparison {
  const throughputRatio = ours.requestsPerSecond / yardstick.requestsPerSecond;
  const p99Ratio = ours.p99Ms / yardstick.p99Ms;
  return {
    throughputRatio,
    p99Ratio,
    cpuRatio: ours.cpuMicrosPerRequest / yardstick.cpuMicrosPerRequest,
    met:
      targets !== undefined &&
      throughputRatio >= targets.minThroughputRatio &&
      p99Ratio <= targets.maxP99Ratio &&
      ours.lost === 0 &&
      ours.errors === 0,
  };
}

export interface Levelling {
  middleMax: number;
  lastMax: number;
  /** How much higher the last third's peak is than the middle third's (0.05 = 5 %). */
  growth: number;
  levelled: boolean;
}

/**
 * Whether memory levelled off: the peak of the last third of the samples is within `tolerance` of
 * the middle third's. The first third is left out: it holds start-up and the caches filling.
 * Needs at least three samples.
 */
export function levelling(values: readonly number[], tolerance = 0.1): Levelling | undefined {
  if (values.length < 3) return undefined;
  const third = Math.floor(values.length / 3);
  const middle = values.slice(third, values.length - third);
  const last = values.slice(values.length - third);
  const middleMax = Math.max(...middle);
  const lastMax = Math.max(...last);
  const growth = lastMax / middleMax - 1;
  return { middleMax, lastMax, growth, levelled: growth <= tolerance };
}
