/** The state store's own errors, each with a stable code for logs and tests. */

export const STATE_ERROR_CODES = {
  /** A key, value or lifetime that the caller should never have passed (a bug, not a fault). */
  badInput: 'STATE_BAD_INPUT',
  /** The SQLite file could not be opened or prepared. */
  sqliteOpen: 'STATE_SQLITE_OPEN',
  /** The backend could not carry out an operation that must not silently fail. */
  unavailable: 'STATE_UNAVAILABLE',
  /** Installations are asked for, but neither STATE_ENCRYPTION_KEY nor SLACK_STATE_SECRET is set. */
  noEncryptionKey: 'STATE_NO_ENCRYPTION_KEY',
} as const;

export type StateErrorCode = (typeof STATE_ERROR_CODES)[keyof typeof STATE_ERROR_CODES];

export class StateError extends Error {
  constructor(
    readonly code: StateErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StateError';
  }
}

/** One line about an error from a driver, with its code where it has one (SQLITE_FULL, ECONNREFUSED…). */
export function describeFault(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, code } = error as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
}
