/** What every part of the Teams bot is given: the core, the state, and a logger. */
import type { Logger } from '../../server/logger';
import type { Answerer } from './answerer';
import type { TeamsState } from './state';

export interface TurnDeps {
  answerer: Answerer;
  state: TeamsState;
  logger: Logger;
}
