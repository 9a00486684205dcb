/**
 * The correlation reference of the turn being handled, for every log line of the turn that needs
 * one: a delivery given up deep inside an HTTP client and the apology shown to the user carry the
 * same reference. Created on first use, so that turns without a failure use none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DeliveryDeadline } from './outbound/deliveryDeadline';
import { newReference } from './reference';

interface Turn {
  make: () => string;
  reference?: string;
  deadline?: DeliveryDeadline;
}

// One store for everything a turn carries: each AsyncLocalStorage in use adds to the cost of every
// promise the process creates.
const turns = new AsyncLocalStorage<Turn>();

/**
 * Runs one turn (and everything it awaits) with its own reference, made by `make` when first asked,
 * and the bound on its deliveries, if it has one.
 */
export function withTurnReference<T>(make: () => string, work: () => T, deadline?: DeliveryDeadline): T {
  return turns.run(deadline ? { make, deadline } : { make }, work);
}

/** The bound on the current turn's deliveries; none outside a turn or for a turn without one. */
export function turnDeadline(): DeliveryDeadline | undefined {
  return turns.getStore()?.deadline;
}

/** The current turn's reference; outside any turn, a new one. */
export function turnReference(): string {
  const turn = turns.getStore();
  if (!turn) return newReference();
  turn.reference ??= turn.make();
  return turn.reference;
}
