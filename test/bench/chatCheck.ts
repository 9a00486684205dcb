/**
 * `npm run bench:check:chat`: what a user waits for when asking for a live check in chat, against
 * the server started as `npm start` runs it (its own process, on loopback), a healthy stand-in mail
 * server and the channels' stand-ins: from the request to the progress line ("Checking …"), and
 * from the request to the result in its place. Each round checks a name of its own, asked by a
 * person of their own, so that no result comes from the cache and no rate limit applies.
 */
import { startChatServer } from '../check/support/chatServer';
import { startDnsStandIn } from '../check/support/dnsStandIn';
import { startSmtpStandIn } from '../check/support/smtpStandIns';
import { standInCheckSettings } from '../check/support/standInSettings';
import { createTestPki } from '../check/support/testCertificates';
import { personalMessage } from '../teams/support/activities';

const ROUNDS = 10;

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const summary = (values: readonly number[]): string =>
  `median ${Math.round(median(values))} ms, max ${Math.round(Math.max(...values))} ms (${values.length} runs)`;

async function main(): Promise<void> {
  const names = Array.from({ length: 2 * ROUNDS }, (_, index) => `mail${index}.contoso.test`);
  const pki = createTestPki();
  const dns = await startDnsStandIn(Object.fromEntries(names.map((name) => [name, { A: ['127.0.0.1'] }])));
  const mail = await startSmtpStandIn({ certificate: pki.trusted(names) });
  const chat = await startChatServer(
    standInCheckSettings({ dns, port: mail.port, pki }, { LOG_LEVEL: 'info' }),
  );
  const slackProgress: number[] = [];
  const slackResult: number[] = [];
  const teamsProgress: number[] = [];
  const teamsResult: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const slackHost = names[round] ?? '';
      const started = performance.now();
      const ack = await chat.slackCommand(`check ${slackHost}`, `bench-${round}`, `UBENCH${round}`);
      slackProgress.push(performance.now() - started);
      if (ack.text !== `Checking ${slackHost}…`) throw new Error(`unexpected ack: ${JSON.stringify(ack)}`);
      await chat.slack.waitFor('response_url', (call) => call.responseId === `bench-${round}`);
      slackResult.push(performance.now() - started);

      const teamsHost = names[ROUNDS + round] ?? '';
      const person = { id: `29:bench${round}`, name: `Bench ${round}`, aadObjectId: `aad-bench-${round}` };
      const sentAt = performance.now();
      await chat.teams(
        personalMessage(`check ${teamsHost}`, { serviceUrl: chat.connector.url, from: person }),
      );
      const progress = await chat.connectorCall(
        (call) => call.method === 'POST' && call.body.text === `Checking ${teamsHost}…`,
      );
      teamsProgress.push(performance.now() - sentAt);
      const id = `reply-${chat.connector.calls.filter((call) => call.method === 'POST').indexOf(progress) + 1}`;
      await chat.connectorCall((call) => call.method === 'PUT' && call.activityId === id);
      teamsResult.push(performance.now() - sentAt);
    }
  } finally {
    await chat.close();
    await Promise.all([dns.close(), mail.close()]);
    pki.dispose();
  }
  process.stdout.write(
    [
      'Live check from chat, healthy stand-in, every step (TLS included):',
      `  Slack /mailflow check: ack with the progress line  ${summary(slackProgress)}`,
      `  Slack /mailflow check: the result in its place      ${summary(slackResult)}`,
      `  Teams "check HOST": the turn over, progress posted   ${summary(teamsProgress)}`,
      `  Teams "check HOST": the result in its place          ${summary(teamsResult)}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
