/**
 * A bound on every delivery of one turn, beyond the policy's own: a channel whose far end waits for
 * the whole turn (Bot Framework, 15 s) gives its turns one.
 */
export interface DeliveryDeadline {
  /** When the next delivery of the turn must have ended (epoch ms). */
  deadline(): number;
  /** A delivery of the turn was given up: the deliveries after it may get more time. */
  deliveryGivenUp(): void;
}
