/**
 * The Teams harness and the Slack test server, both in-process on loopback, started before a test
 * file's tests and closed after them: for the tests of what every endpoint of the server does,
 * whichever channel it belongs to.
 */
import { type SlackTestServer, startSlackServer } from '../../slack/support/slackServer';
import { type Harness, startHarness } from '../../teams/support/botHarness';

export interface BothChannels {
  readonly teams: Harness;
  readonly slack: SlackTestServer;
}

/** Call at the top of a test file; the servers are there from the first test on. */
export function useBothChannels(): BothChannels {
  let teams: Harness | undefined;
  let slack: SlackTestServer | undefined;
  beforeAll(async () => {
    teams = await startHarness();
    slack = await startSlackServer();
  });
  afterAll(async () => {
    await teams?.close();
    await slack?.close();
  });
  const started = <T>(server: T | undefined): T => {
    if (server === undefined) throw new Error('the servers start in beforeAll: use them inside a test');
    return server;
  };
  return {
    get teams() {
      return started(teams);
    },
    get slack() {
      return started(slack);
    },
  };
}
