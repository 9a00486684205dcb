/** What every Slack handler needs: the answering logic, the locale lookup and the log. */
import type { Logger } from '../../server/logger';
import type { Answering } from '../conversation/answering';
import type { UserLocales } from '../userLocale';

export interface HandlerContext {
  logger: Logger;
  answering: Answering;
  userLocales: UserLocales;
}
