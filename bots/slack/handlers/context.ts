/** What every Slack handler needs: the answering logic, the locale lookup, the rate limits and the log. */
import type { Logger } from '../../server/logger';
import type { RateLimiter } from '../../server/rateLimiter';
import type { Answering } from '../conversation/answering';
import type { UserLocales } from '../userLocale';

export interface HandlerContext {
  logger: Logger;
  answering: Answering;
  userLocales: UserLocales;
  /** Per-user and per-conversation limits on answered messages. */
  limits: RateLimiter;
}
