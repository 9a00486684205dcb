/**
 * The correlation reference of the turn being handled, for every log line of the turn that needs
 * one: a delivery given up deep inside an HTTP client and the apology shown to the user carry the
 * same reference. Created on first use, so that turns without a failure use none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { newReference } from './reference';

interface Turn {
  make: () => string;
  reference?: string;
}

const turns = new AsyncLocalStorage<Turn>();

/** Runs one turn (and everything it awaits) with its own reference, made by `make` when first asked. */
export function withTurnReference<T>(make: () => string, work: () => T): T {
  return turns.run({ make }, work);
}

/** The current turn's reference; outside any turn, a new one. */
export function turnReference(): string {
  const turn = turns.getStore();
  if (!turn) return newReference();
  turn.reference ??= turn.make();
  return turn.reference;
}
