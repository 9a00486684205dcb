/** The Bot Framework adapter, authenticated from the settings or in local mode without them. */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { BotFrameworkAuthentication, ConnectorClientOptions } from 'botframework-connector';
import type { TeamsSettings } from './settings';

/**
 * With a bot registration every incoming request must carry a valid Bot Framework token and replies
 * are signed with the app's credentials. Without one, botbuilder turns authentication off in both
 * directions, which is what the Emulator and the Agents Playground expect. `connector` configures
 * the ConnectorClient that sends replies (its HTTP client: the outbound retry policy).
 */
export function authenticationFor(
  config: TeamsSettings,
  connector: ConnectorClientOptions = {},
): BotFrameworkAuthentication {
  const withConnector = (options: ConfigurationBotFrameworkAuthenticationOptions) =>
    new ConfigurationBotFrameworkAuthentication(options, undefined, undefined, undefined, connector);
  if (config.mode === 'local') return withConnector({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
  };
  return withConnector(options);
}

export function createAdapter(authentication: BotFrameworkAuthentication): CloudAdapter {
  return new CloudAdapter(authentication);
}
