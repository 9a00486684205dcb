/**
 * Codes that Exchange Online uses with a meaning of its own: a registered code given another sense
 * (5.4.1 is registered as "no answer from host") or a detail the registry doesn't have. Their words,
 * after Microsoft's documentation, are under `exchangeOnline.<key>` in `answer.json`; a code added
 * here without them fails to compile (core/content.ts).
 */
import { type ContentKey, contentKey } from './contentKey';

export const EXCHANGE_ONLINE_CODES = ['5.4.1', '5.7.57', '5.7.60', '5.7.64', '5.7.708'] as const;
export type ExchangeOnlineCode = (typeof EXCHANGE_ONLINE_CODES)[number];
export type ExchangeOnlineKey = ContentKey<ExchangeOnlineCode>;

/** The content key of Exchange Online's own meaning of `code`, if it has one. */
export function exchangeOnlineKey(code: string): ExchangeOnlineKey | undefined {
  return (EXCHANGE_ONLINE_CODES as readonly string[]).includes(code)
    ? contentKey(code as ExchangeOnlineCode)
    : undefined;
}
