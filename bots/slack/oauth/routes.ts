/**
 * The install's two browser routes, at Bolt's default paths: `GET /slack/install` sets the state
 * cookie and redirects to Slack's authorize page; `GET /slack/oauth_redirect` checks the state
 * against the cookie, exchanges the code (`oauth.v2.access`), stores the installation and shows a
 * short page in the browser's language. A missing or bad state, a missing cookie, or a state used
 * before gets a 400 before any code exchange.
 */
import type { IncomingMessage } from 'node:http';
import { type CodedError, ErrorCode, type InstallProvider } from '@slack/oauth';
import type { HttpRoute } from '../../runtime/channel';
import type { Logger } from '../../runtime/logger';
import { sendInstallPage } from './pages';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** Slack's answers to `oauth.v2.access` that mean the code itself was no good (used, expired). */
const REFUSED_CODES = new Set(['invalid_code', 'code_already_used', 'code_expired']);
const REFUSED_STATE = new Set<string>([
  ErrorCode.MissingStateError,
  ErrorCode.InvalidStateError,
  ErrorCode.MissingCodeError,
]);

const acceptLanguage = (request: IncomingMessage): string | undefined => {
  const header = request.headers['accept-language'];
  return Array.isArray(header) ? header[0] : header;
};

/** Slack's error name on a refused Web API call (`invalid_code`), where there is one. */
const slackErrorOf = (error: CodedError): string | undefined => {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

export function installRoutes(installer: InstallProvider, logger: Logger): HttpRoute[] {
  const start: HttpRoute = {
    path: INSTALL_PATH,
    method: 'GET',
    async handle(request, response) {
      try {
        await installer.handleInstallPath(request, response);
      } catch (error) {
        logger.error({ err: error }, 'Slack install: could not start');
        if (!response.headersSent)
          sendInstallPage(response, acceptLanguage(request), { kind: 'failed', status: 500 }, INSTALL_PATH);
      }
    },
  };
  const finish: HttpRoute = {
    path: REDIRECT_PATH,
    method: 'GET',
    handle: (request, response) =>
      installer.handleCallback(request, response, {
        success(installation, _options, callbackRequest, callbackResponse) {
          logger.info(
            { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id },
            'Slack: installed in a workspace',
          );
          const workspace = installation.team?.name ?? installation.enterprise?.name ?? '';
          sendInstallPage(
            callbackResponse,
            acceptLanguage(callbackRequest),
            { kind: 'installed', workspace },
            INSTALL_PATH,
          );
        },
        failure(error, _options, callbackRequest, callbackResponse) {
          const language = acceptLanguage(callbackRequest);
          if (error.code === ErrorCode.AuthorizationError) {
            logger.info('Slack install: cancelled on Slack’s page');
            return sendInstallPage(callbackResponse, language, { kind: 'cancelled' }, INSTALL_PATH);
          }
          const slackError = slackErrorOf(error);
          const refused =
            REFUSED_STATE.has(error.code) || (slackError !== undefined && REFUSED_CODES.has(slackError));
          if (refused)
            logger.warn(
              { status: 400, reason: error.code, slackError, detail: error.message },
              'Slack install refused: bad state, cookie or code',
            );
          else logger.error({ err: error, slackError }, 'Slack install failed');
          sendInstallPage(
            callbackResponse,
            language,
            { kind: 'failed', status: refused ? 400 : 500 },
            INSTALL_PATH,
          );
        },
      }),
  };
  return [start, finish];
}
