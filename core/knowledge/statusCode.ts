import { isKnownCode, type KnownCode } from './knownCodes';

/** An enhanced status code split into its RFC 3463 parts. */
export interface StatusCodeParts {
  code: string;
  statusClass: '2' | '4' | '5';
  subject: string;
  detail: string;
}

export function splitStatusCode(code: string): StatusCodeParts | undefined {
  const [statusClass, subject, detail, ...rest] = code.split('.');
  if (rest.length > 0 || subject === undefined || detail === undefined) return undefined;
  if (statusClass !== '2' && statusClass !== '4' && statusClass !== '5') return undefined;
  return { code, statusClass, subject, detail };
}

/**
 * What the answer is about for a code: one of the mail flow intelligence errors (directly, or its
 * permanent form after the 24 hours of retries, such as 5.4.316), or any other code by its parts.
 */
export type CodeTopic =
  | { kind: 'known'; code: KnownCode }
  | { kind: 'expired'; code: string; base: KnownCode }
  | { kind: 'other'; parts: StatusCodeParts };

export function topicOf(code: string): CodeTopic | undefined {
  if (isKnownCode(code)) return { kind: 'known', code };
  const parts = splitStatusCode(code);
  if (!parts) return undefined;
  const transient = `4.${parts.subject}.${parts.detail}`;
  if (parts.statusClass === '5' && isKnownCode(transient)) return { kind: 'expired', code, base: transient };
  return { kind: 'other', parts };
}
