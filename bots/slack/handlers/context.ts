/** What every Slack handler needs: the answering logic, the locale lookup, the rate limits, the log, response URLs. */
import type { Logger } from '../../runtime/logger';
import type { RateLimiter } from '../../runtime/rateLimiter';
import type { Answering } from '../conversation/answering';
import type { PostToResponseUrl } from '../outbound/responseUrl';
import type { UserLocales } from '../userLocale';

export interface HandlerContext {
  logger: Logger;
  answering: Answering;
  userLocales: UserLocales;
  /** Per-user and per-conversation limits on answered messages. */
  limits: RateLimiter;
  /** Posts to a click's response_url under the outbound policy (Bolt's `respond` has no timeout). */
  postToResponseUrl: PostToResponseUrl;
}
