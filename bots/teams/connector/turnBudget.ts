/**
 * Bot Framework waits 15 seconds for a bot to answer a request, and a turn's replies go out while it
 * waits: however the connector behaves, the reply's attempts and then, if they fail, the apology
 * must all fit in that time. Each turn carries a budget from the request's arrival; every call to
 * the connector in the turn is bounded by it. Once a delivery has been given up, what follows (the
 * apology) may use the rest of the turn.
 */
import type { DeliveryDeadline } from '../../runtime/outbound/deliveryDeadline';

export interface TurnBudgetLimits {
  /** From the request's arrival, for the turn's replies. */
  replyMs: number;
  /** From the request's arrival, for everything: the apology after a reply given up. */
  totalMs: number;
}

/** Bot Framework's 15 s, less a margin for the request's own way in and the response's way out. */
export const TEAMS_TURN_BUDGET: TurnBudgetLimits = { replyMs: 9_000, totalMs: 13_500 };

export class TurnBudget implements DeliveryDeadline {
  private givenUp = false;

  constructor(
    private readonly arrivedAt: number,
    private readonly limits: TurnBudgetLimits,
  ) {}

  /** When the next call to the connector must have ended (epoch ms). */
  deadline(): number {
    return this.arrivedAt + (this.givenUp ? this.limits.totalMs : this.limits.replyMs);
  }

  /** A delivery was given up: the turn's remaining calls (its apology) get the rest of the turn. */
  deliveryGivenUp(): void {
    this.givenUp = true;
  }
}
