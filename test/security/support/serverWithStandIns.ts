/**
 * The server in its own process with both channels on (Teams in local mode, Slack over HTTP), and
 * local stand-ins for the far ends: the Bot Framework connector and the Slack Web API.
 */
import { SlackStandIn } from '../../slack/support/slackStandIn';
import { type ConnectorStandIn, startConnectorStandIn } from '../../teams/support/connectorStandIn';
import { type ServerChild, startServerChild } from './serverProcess';

/** The Slack signing secret the server is started with: sign requests with it. */
export const SIGNING_SECRET = 'attack-suite-signing-secret';

export interface ServerWithStandIns {
  server: ServerChild;
  slack: SlackStandIn;
  connector: ConnectorStandIn;
  /** Stops the server (SIGTERM, if it still runs) and the stand-ins. */
  close(): Promise<void>;
}

/** `settings`: more settings for the server (the live check's, for one). */
export async function startServerWithStandIns(
  settings: Record<string, string> = {},
): Promise<ServerWithStandIns> {
  const slack = await SlackStandIn.start();
  const connector = await startConnectorStandIn();
  const server = await startServerChild({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-attack-suite',
    SLACK_API_URL: slack.apiUrl,
    ...settings,
  });
  // The server asks auth.test at start; no test should depend on when that answer comes.
  await slack.waitFor('auth.test');
  return {
    server,
    slack,
    connector,
    async close() {
      await server.stop();
      await slack.close();
      await connector.close();
    },
  };
}
