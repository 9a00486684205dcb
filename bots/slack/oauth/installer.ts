/**
 * `@slack/oauth`'s InstallProvider, built by the bot itself: with our own receiver Bolt ignores its
 * `installerOptions`, so everything is given explicitly here. Its Web API client (`oauth.v2.access`,
 * `auth.test`, token refreshes) is the bot's own: SLACK_API_URL and the outbound policy.
 */
import type { Logger as BoltLogger, webApi } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { StateStore } from '../../runtime/state';
import type { SlackOAuthSettings } from '../settings';
import { StateInstallationStore } from './installationStore';
import { BOT_SCOPES } from './scopes';
import { SingleUseStateStore, STATE_LIFETIME_SECONDS } from './stateParam';

export interface InstallerParts {
  settings: SlackOAuthSettings;
  /** Installations (sealed), used states, and each workspace's data. */
  state: StateStore;
  clientOptions: webApi.WebClientOptions;
  boltLogger: BoltLogger;
}

export function createInstaller({
  settings,
  state,
  clientOptions,
  boltLogger,
}: InstallerParts): InstallProvider {
  return new InstallProvider({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateStore: new SingleUseStateStore(settings.stateSecret, state),
    stateCookieExpirationSeconds: STATE_LIFETIME_SECONDS,
    installationStore: new StateInstallationStore(state.installations),
    installUrlOptions: { scopes: [...BOT_SCOPES] },
    // GET /slack/install redirects to Slack's authorize page at once (no page of our own in between),
    // which is also what the Marketplace's "direct install" expects.
    directInstall: true,
    // Its Web API client logs through this logger too, and writes each call's body and result at
    // debug: for the installer's calls those are the client secret, codes and tokens. So the
    // installer logs from info up only.
    logger: { ...boltLogger, debug: () => {} },
    clientOptions,
  });
}
