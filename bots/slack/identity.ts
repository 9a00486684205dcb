/**
 * The bot's own user and bot ids, from one `auth.test` call: Bolt needs them to ignore the bot's own
 * messages, and the mention handler to strip the bot's `<@U…>` from the text. Fetched at start-up, so
 * that no request waits for it (a slash command must be acknowledged without a Web API call); a
 * failed fetch is tried again on the next request.
 */
import type { AuthorizeResult } from '@slack/bolt';

export interface BotIds {
  botUserId?: string;
  botId?: string;
}

interface AuthTestResult {
  ok?: boolean;
  user_id?: string;
  bot_id?: string;
}

export class BotIdentity {
  private pending: Promise<BotIds> | undefined;

  constructor(
    private readonly botToken: string,
    private readonly authTest: (token: string) => Promise<AuthTestResult>,
  ) {}

  ids(): Promise<BotIds> {
    if (!this.pending) {
      const pending = this.authTest(this.botToken).then(
        (result): BotIds => ({
          ...(result.user_id ? { botUserId: result.user_id } : {}),
          ...(result.bot_id ? { botId: result.bot_id } : {}),
        }),
      );
      this.pending = pending;
      pending.catch(() => {
        if (this.pending === pending) this.pending = undefined;
      });
    }
    return this.pending;
  }

  /** Bolt's `authorize`: one workspace, one bot token. */
  readonly authorize = async (): Promise<AuthorizeResult> => ({
    botToken: this.botToken,
    ...(await this.ids()),
  });
}
