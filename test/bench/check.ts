/**
 * `npm run bench:check`: how long a live check takes against stand-ins on loopback: a healthy
 * server (every step, TLS included) and a silent one (accepts, never speaks) under
 * CHECK_TIMEOUT_MS=3000. Both in this process (the check alone) and as `mailflow check` in a child
 * process (what a user waits for, Node's start-up included).
 */
import { checkServer } from '../../bots/check/checkServer';
import { DEFAULT_CHECK_SETTINGS } from '../../bots/check/settings';
import { parseCheckTarget } from '../../core';
import { startDnsStandIn } from '../check/support/dnsStandIn';
import { runCli } from '../check/support/runCli';
import { BROKEN_SERVERS, startRawStandIn, startSmtpStandIn } from '../check/support/smtpStandIns';
import { standInCheckSettings } from '../check/support/standInSettings';
import { createTestPki } from '../check/support/testCertificates';

const HOST = 'mail.contoso.test';
const IN_PROCESS_ROUNDS = 30;
const CLI_ROUNDS = 5;

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number): string => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const pki = createTestPki();
  const dns = await startDnsStandIn({ [HOST]: { A: ['127.0.0.1'] } });
  const healthy = await startSmtpStandIn({ certificate: pki.trusted([HOST]) });
  const silent = await startRawStandIn(BROKEN_SERVERS.silent);
  const target = parseCheckTarget(HOST);
  if (!target) throw new Error('bad target');
  const settings = { ...DEFAULT_CHECK_SETTINGS, dnsServers: [dns.server], allowPrivateAddresses: true };

  const inProcess = async (port: number, timeoutMs: number, rounds: number) => {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const run = await checkServer(target, { settings: { ...settings, port, timeoutMs } });
      if (run.kind === 'checked') times.push(run.result.ms);
    }
    return times;
  };
  const cli = async (port: number, timeoutMs: number, rounds: number) => {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const run = await runCli(
        ['check', '--format', 'json', HOST],
        standInCheckSettings({ dns, port, pki }, { CHECK_TIMEOUT_MS: String(timeoutMs) }),
      );
      const { code } = JSON.parse(run.stdout) as { code: string | null };
      if (round === 0) process.stdout.write(`  (code: ${code ?? 'none, every step passed'})\n`);
      times.push(run.ms);
    }
    return times;
  };

  try {
    await measure(inProcess, cli, healthy.port, silent.port);
  } finally {
    await Promise.all([dns.close(), healthy.close(), silent.close()]);
    pki.dispose();
  }
}

type Runs = (port: number, timeoutMs: number, rounds: number) => Promise<number[]>;

async function measure(inProcess: Runs, cli: Runs, healthyPort: number, silentPort: number): Promise<void> {
  const healthyChecks = await inProcess(healthyPort, 10_000, IN_PROCESS_ROUNDS);
  process.stdout.write(
    `healthy stand-in, the check alone (${IN_PROCESS_ROUNDS} runs): median ${ms(median(healthyChecks))}, max ${ms(Math.max(...healthyChecks))}\n`,
  );
  process.stdout.write('healthy stand-in, `mailflow check` as a command:\n');
  const healthyCli = await cli(healthyPort, 10_000, CLI_ROUNDS);
  process.stdout.write(`  median ${ms(median(healthyCli))}, max ${ms(Math.max(...healthyCli))}\n`);

  const silentChecks = await inProcess(silentPort, 3000, 2);
  process.stdout.write(
    `silent stand-in, CHECK_TIMEOUT_MS=3000, the check alone: ${silentChecks.map(ms).join(', ')}\n`,
  );
  process.stdout.write('silent stand-in, CHECK_TIMEOUT_MS=3000, `mailflow check` as a command:\n');
  const silentCli = await cli(silentPort, 3000, 2);
  process.stdout.write(`  ${silentCli.map(ms).join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
