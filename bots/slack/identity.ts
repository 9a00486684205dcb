/**
 * The bot's own user and bot ids, from one `auth.test` call: Bolt uses them to ignore the bot's own
 * messages, and the mention handler to strip the bot's `<@U…>` from the text. Fetched at start-up;
 * requests never wait for it (a slash command must be acknowledged without a Web API call, and
 * auth.test may be retrying while Slack is unreachable). Until it is known, the handlers still skip
 * bot messages (`bot_id`) and strip a leading mention.
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
  private known: BotIds | undefined;

  constructor(
    private readonly botToken: string,
    private readonly authTest: (token: string) => Promise<AuthTestResult>,
  ) {}

  /** Fetches the ids once; a failed fetch is tried again on the next call. */
  ids(): Promise<BotIds> {
    if (this.known) return Promise.resolve(this.known);
    if (!this.pending) {
      const pending = this.authTest(this.botToken).then((result): BotIds => {
        this.known = {
          ...(result.user_id ? { botUserId: result.user_id } : {}),
          ...(result.bot_id ? { botId: result.bot_id } : {}),
        };
        return this.known;
      });
      this.pending = pending;
      pending.catch(() => {
        if (this.pending === pending) this.pending = undefined;
      });
    }
    return this.pending;
  }

  /** Bolt's `authorize`: one workspace, one bot token, and the ids where already known. */
  readonly authorize = async (): Promise<AuthorizeResult> => {
    if (!this.known) this.ids().catch(() => {});
    return { botToken: this.botToken, ...this.known };
  };
}
