/**
 * What an answer answers, in a form that can travel inside a card's action data and come back:
 * when the user switches a card's language, the channel sends this back and the core answers it
 * again. It comes back from the client, so it is validated as untrusted input.
 */
import { z } from 'zod';
import type { Intent, Understanding } from '../understand';
import type { PastedDetails } from '../understand/details';
import type { CodeMention } from '../understand/statusCodes';

/** More codes than this in one message are left out of the answer, to keep cards within limits. */
export const MAX_CODES_PER_ANSWER = 6;

export interface AnswerRequest {
  intent: Intent;
  codes: CodeMention[];
  details: PastedDetails;
  /**
   * The message says the on-premises email servers were shut down or the mailboxes moved to
   * Microsoft 365, so a refused connection is expected and Fix now comes first. Understanding can
   * set it; absent means not known.
   */
  onPremisesRetired?: true;
}

const code = z.string().regex(/^[245]\.[0-7]\.\d{1,3}$/);
const schema = z
  .object({
    intent: z.enum(['explain', 'fix', 'list', 'help', 'language', 'check', 'unknown']),
    codes: z
      .array(
        z
          .object({
            code,
            relation: z
              .object({ kind: z.enum(['remoteReply', 'cause']), outer: code })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .max(MAX_CODES_PER_ANSWER),
    details: z
      .object({
        server: z.string().max(253).optional(),
        ip: z.string().max(39).optional(),
        port: z.number().int().min(1).max(65535).optional(),
        remoteReply: z.string().max(300).optional(),
      })
      .strict(),
    onPremisesRetired: z.literal(true).optional(),
  })
  .strict();

/** Drops absent optional fields, which `exactOptionalPropertyTypes` tells apart from `undefined`. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The request, or `undefined` when the value is not a well-formed request. */
export function parseAnswerRequest(value: unknown): AnswerRequest | undefined {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return undefined;
  const { intent, codes, details, onPremisesRetired } = parsed.data;
  return {
    intent,
    codes: codes.map((mention) => withoutUndefined(mention) as CodeMention),
    details: withoutUndefined(details) as PastedDetails,
    ...(onPremisesRetired ? { onPremisesRetired } : {}),
  };
}

export function requestFrom(understanding: Understanding): AnswerRequest {
  return {
    intent: understanding.intent,
    codes: understanding.codes.slice(0, MAX_CODES_PER_ANSWER),
    details: understanding.details,
  };
}
