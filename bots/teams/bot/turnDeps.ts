/** What every part of the Teams bot is given: the core, the state, the rate limits and a logger. */
import type { Logger } from '../../runtime/logger';
import type { RateLimiter } from '../../runtime/rateLimiter';
import type { Answerer } from './answerer';
import type { TeamsState } from './state';

export interface TurnDeps {
  answerer: Answerer;
  state: TeamsState;
  logger: Logger;
  /** Per-user and per-conversation limits on answered messages. */
  limits: RateLimiter;
}
