/**
 * Slack for many workspaces: each request is answered with the token of the workspace that sent it,
 * read from its installation (refreshed first when Slack rotates tokens and it is about to expire);
 * a workspace that uninstalls the app, or revokes its bot token, is forgotten for good.
 */
import type { App, Authorize, AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import type { Logger } from '../../runtime/logger';
import type { StateStore } from '../../runtime/state';
import { workspacePrefix } from '../handlers/context';
import { installationKey, NOT_INSTALLED } from './installationStore';

/**
 * Bolt's `authorize`: the installation's bot token and ids; a refusal, logged, for anyone else.
 * Requests of one workspace that arrive together share one lookup, so that a token about to expire
 * is refreshed once, not once per request (Slack's refresh token may be used only once).
 */
export function installationAuthorize(installer: InstallProvider, logger: Logger): Authorize<boolean> {
  const pending = new Map<string, Promise<AuthorizeResult>>();
  const lookUp = (source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult> => {
    const key = `${source.isEnterpriseInstall ? 'E' : 'T'}:${source.enterpriseId ?? ''}:${source.teamId ?? ''}`;
    let lookup = pending.get(key);
    if (!lookup) {
      lookup = installer.authorize(source).finally(() => pending.delete(key));
      pending.set(key, lookup);
    }
    return lookup;
  };
  return async (source) => {
    try {
      // A copy for each request: Bolt adds the request's own user to the result it gets.
      return { ...(await lookUp(source)) };
    } catch (error) {
      const where = { teamId: source.teamId, enterpriseId: source.enterpriseId };
      // Bolt then acknowledges the request (so Slack does not send it again) and calls no listener.
      if (error instanceof Error && error.message === NOT_INSTALLED)
        logger.warn(where, 'Slack request refused: this workspace has not installed the app');
      else
        logger.error({ ...where, err: error }, 'Slack request refused: its installation could not be read');
      throw error;
    }
  };
}

interface Workspace {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * `app_uninstalled`, and `tokens_revoked` when it names a bot token: the installation goes, and with
 * it what the bot kept for the workspace (its users' languages, its conversations' last answers).
 * Bolt runs these listeners without an installation, since the token is gone already.
 */
export function registerUninstall(app: App, state: StateStore, logger: Logger): void {
  const forget = async (workspace: Workspace, event: string) => {
    const { teamId, enterpriseId, isEnterpriseInstall } = workspace;
    await state.installations.delete(installationKey(workspace));
    // An org-wide installation's data lives under each of its workspaces, which the event does not list;
    // it expires with its lifetime.
    if (teamId && !isEnterpriseInstall) await state.deleteByPrefix(workspacePrefix(teamId));
    logger.info(
      { teamId, enterpriseId, event },
      'Slack: workspace forgotten (installation and its data deleted)',
    );
  };
  app.event('app_uninstalled', async ({ context }) => forget(context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context, 'tokens_revoked');
  });
}
