/**
 * The benchmark's yardstick: an echo bot on the same stack as ours, with none of our work. One
 * restify server, like ours, serving
 *  - POST /api/messages: our Teams route (bounded body, activity check) into botbuilder's
 *    CloudAdapter (local mode, like the bench's run of our server) and a bare ActivityHandler that
 *    replies with the message's text as a plain message;
 *  - POST /slack/events: Bolt with our HttpReceiver, acking `/mailflow` with its text.
 * The Slack side deliberately uses our receiver rather than Bolt's HTTPReceiver: the receiver is the
 * transport both bots share (raw body, signature check, ack as the HTTP response), so the ratio
 * measures what our handlers, the core and the rendering add, not restify against node:http.
 * With ECHO_REPLY=answer it replies instead with the core's answer, rendered as our channels render
 * it (Adaptive Card, Block Kit), and nothing else: no state, no follow-ups, no logging. That second
 * yardstick tells the cost of the answer itself from what the rest of our server adds.
 * With ECHO_REPLY=fixed it replies to everything with one answer (4.4.316) rendered at start-up: the
 * cost of carrying an answer's few kilobytes through the stack, and so the most that any bot
 * sending such answers could reach against the echo bot.
 * Settings come from the environment like main.ts's: PORT, SLACK_SIGNING_SECRET, ECHO_REPLY.
 */
import { App, LogLevel } from '@slack/bolt';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import type { Channel } from '../../../bots/runtime/channel';
import { createLogger, type Logger } from '../../../bots/runtime/logger';
import { createBotServer } from '../../../bots/server/app';
import { HttpReceiver } from '../../../bots/slack/http/httpReceiver';
import { answerMessage } from '../../../bots/slack/outgoing';
import { createAdapter } from '../../../bots/teams/adapter';
import { answerAttachment } from '../../../bots/teams/cards/attachment';
import { TEAMS_TURN_BUDGET } from '../../../bots/teams/connector/turnBudget';
import { activityEndpoint } from '../../../bots/teams/http/activityEndpoint';
import {
  AUTHENTICATION_TIMEOUT_MS,
  createAuthenticator,
  MAX_STALLED_AUTHENTICATIONS,
} from '../../../bots/teams/http/authenticate';
import { messagesRoute } from '../../../bots/teams/http/messagesRoute';
import { ask } from '../../../core';

type Reply = 'text' | 'fixed' | 'answer';

const FIXED_ANSWER = ask('what does 4.4.316 mean?').answer;

function teamsEcho(reply: Reply, logger: Logger): Channel {
  const authentication = new ConfigurationBotFrameworkAuthentication({});
  const adapter = createAdapter(authentication);
  const bot = new ActivityHandler();
  const fixedCard = answerAttachment(FIXED_ANSWER);
  bot.onMessage(async (context, next) => {
    const text = context.activity.text ?? '';
    if (reply === 'text') await context.sendActivity(MessageFactory.text(text));
    else if (reply === 'fixed') await context.sendActivity({ type: 'message', attachments: [fixedCard] });
    else {
      const { answer } = ask(text, { clientLocale: context.activity.locale });
      await context.sendActivity({ type: 'message', attachments: [answerAttachment(answer)] });
    }
    await next();
  });
  return {
    name: 'teams-echo',
    description: 'Teams echo at POST /api/messages',
    // The same HTTP side as our Teams channel in local mode: the body read, the activity checked,
    // then botbuilder's turn.
    routes: [
      messagesRoute(
        logger,
        activityEndpoint({
          localMode: true,
          authenticate: createAuthenticator({
            authentication,
            tokens: undefined,
            timeoutMs: AUTHENTICATION_TIMEOUT_MS,
            maxStalled: MAX_STALLED_AUTHENTICATIONS,
          }),
          adapter,
          logic: (context) => bot.run(context),
          logger,
          newReference: () => 'echo',
          budget: TEAMS_TURN_BUDGET,
        }),
      ),
    ],
  };
}

function slackEcho(reply: Reply, signingSecret: string, logger: Logger): Channel {
  const receiver = new HttpReceiver({ signingSecret, logger });
  const app = new App({
    receiver,
    // One workspace and fixed ids: no Web API call, as in our bot once auth.test has answered.
    authorize: async () => ({ botToken: 'xoxb-echo-not-real', botUserId: 'UECHOBOT', botId: 'BECHOBOT' }),
    logLevel: LogLevel.WARN,
  });
  const fixedMessage = {
    response_type: 'ephemeral' as const,
    ...answerMessage(FIXED_ANSWER, { shareable: true }),
  };
  app.command('/mailflow', async ({ command, ack }) => {
    if (reply === 'text') await ack({ response_type: 'ephemeral', text: command.text });
    else if (reply === 'fixed') await ack(fixedMessage);
    else {
      const { answer } = ask(command.text);
      await ack({ response_type: 'ephemeral', ...answerMessage(answer, { shareable: true }) });
    }
  });
  return {
    name: 'slack-echo',
    description: 'Slack echo at POST /slack/events',
    routes: [receiver.route],
    async start() {
      await app.start();
    },
    async stop() {
      await app.stop();
    },
  };
}

async function main(): Promise<void> {
  const logger = createLogger('info');
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  if (!signingSecret) throw new Error('SLACK_SIGNING_SECRET is required');
  const reply: Reply =
    process.env.ECHO_REPLY === 'answer' ? 'answer' : process.env.ECHO_REPLY === 'fixed' ? 'fixed' : 'text';
  const server = createBotServer([teamsEcho(reply, logger), slackEcho(reply, signingSecret, logger)], logger);
  const address = await server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  logger.info({ host: address.address, port: address.port }, 'listening');
  process.once('SIGTERM', () => {
    server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`echo bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
