/** The Bot Framework adapter, authenticated from the settings or in local mode without them. */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { TeamsConfig } from '../server/config';

/**
 * With a bot registration every incoming request must carry a valid Bot Framework token and replies
 * are signed with the app's credentials. Without one, botbuilder turns authentication off in both
 * directions, which is what the Emulator and the Agents Playground expect.
 */
export function authenticationFor(config: TeamsConfig): BotFrameworkAuthentication {
  if (config.mode === 'local') return new ConfigurationBotFrameworkAuthentication({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
  };
  return new ConfigurationBotFrameworkAuthentication(options);
}

export function createAdapter(authentication: BotFrameworkAuthentication): CloudAdapter {
  return new CloudAdapter(authentication);
}
