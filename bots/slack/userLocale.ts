/**
 * The Slack user's locale ("es-ES", "pt-BR"), the third rule for the answer language. One
 * `users.info` per user per day; a failed lookup only means the next rule (English) applies.
 */
import type { Logger } from '../runtime/logger';
import type { KeyValueStore } from '../runtime/memoryStore';

export interface UsersInfoClient {
  users: {
    info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string } }>;
  };
}

export class UserLocales {
  /** Lookups under way: a user's messages that arrive together share one `users.info` call. */
  private readonly pending = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly store: KeyValueStore<string>,
    private readonly logger: Logger,
  ) {}

  /** The locale already known, without a Web API call. */
  cached(userId: string): string | undefined {
    return this.store.get(userId);
  }

  lookUp(client: UsersInfoClient, userId: string): Promise<string | undefined> {
    const known = this.store.get(userId);
    if (known) return Promise.resolve(known);
    let lookup = this.pending.get(userId);
    if (!lookup) {
      lookup = this.fetch(client, userId).finally(() => this.pending.delete(userId));
      this.pending.set(userId, lookup);
    }
    return lookup;
  }

  private async fetch(client: UsersInfoClient, userId: string): Promise<string | undefined> {
    try {
      const result = await client.users.info({ user: userId, include_locale: true });
      const locale = result.user?.locale;
      if (locale) {
        this.store.set(userId, locale);
        this.logger.debug({ userId, locale }, 'Slack: user locale cached');
      }
      return locale;
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'Slack users.info failed; answering without the user locale');
      return undefined;
    }
  }
}
