/** The Bot Framework adapter, authenticated from the settings or in local mode without them. */
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type {
  AuthenticateRequestResult,
  BotFrameworkAuthentication,
  ConnectorClientOptions,
} from 'botframework-connector';
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

/**
 * botbuilder's CloudAdapter, with its turn open to a request the bot has already authenticated
 * (activityEndpoint.ts) instead of its own request handling, which authenticates again, has no
 * time bound and prints every error to the console.
 */
export class Adapter extends CloudAdapter {
  runTurn(
    identity: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(identity, activity, logic);
  }
}

export function createAdapter(authentication: BotFrameworkAuthentication): Adapter {
  return new Adapter(authentication);
}
