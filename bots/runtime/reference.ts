import { randomUUID } from 'node:crypto';

/**
 * A short correlation id for one turn: written in the log line with the error and shown to the user
 * in the apology, so a user's screenshot leads an admin to what happened. Short enough to read out.
 */
export const newReference = (): string => randomUUID().replace(/-/g, '').slice(0, 12);
