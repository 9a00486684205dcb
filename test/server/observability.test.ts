/** Each answer leaves one structured log line; the user's words only at debug level, secrets never. */
import { BOT_TOKEN, SIGNING_SECRET, startSlackServer } from '../slack/support/slackServer';
import { personalMessage } from '../teams/support/activities';
import { startHarness } from '../teams/support/botHarness';

const QUESTION = 'what does 4.4.316 mean? my server is mail.contoso.com';

test('Teams: the answer is logged with turn, channel, intent, codes and latency', async () => {
  const bot = await startHarness();
  try {
    await bot.post(personalMessage(QUESTION, { serviceUrl: bot.connector.url }));
    const answered = bot.logs.find((line) => line.msg === 'answered');
    expect(answered).toMatchObject({ channel: 'teams', intent: 'explain', codes: ['4.4.316'], locale: 'en' });
    expect(answered?.turn).toMatch(/^[0-9a-f]{12}$/);
    expect(typeof answered?.latencyMs).toBe('number');
    const aboveDebug = bot.logs.filter((line) => line.level > 20);
    expect(JSON.stringify(aboveDebug)).not.toContain('mail.contoso.com');
  } finally {
    await bot.close();
  }
});

test('Slack: the answer is logged with turn, channel, intent, codes and latency; no secret anywhere', async () => {
  const slack = await startSlackServer();
  try {
    await (await slack.command(QUESTION, 'ULOG')).arrayBuffer();
    const answered = slack.logs.find((line) => line.msg === 'answered');
    expect(answered).toMatchObject({ channel: 'slack', intent: 'explain', codes: ['4.4.316'] });
    expect(answered?.turn).toMatch(/^[0-9a-f]{12}$/);
    expect(typeof answered?.latencyMs).toBe('number');
    const aboveDebug = slack.logs.filter((line) => Number(line.level) > 20);
    expect(JSON.stringify(aboveDebug)).not.toContain('mail.contoso.com');
    const everything = JSON.stringify(slack.logs);
    expect(everything).not.toContain(SIGNING_SECRET);
    expect(everything).not.toContain(BOT_TOKEN);
  } finally {
    await slack.close();
  }
});
