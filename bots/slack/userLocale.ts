/**
 * The Slack user's locale ("es-ES", "pt-BR"), the client locale of the answer-language rules. One
 * `users.info` per user per day; a failed lookup only means the next rule (English) applies.
 */
import { CONVERSATION_LIMITS } from '../conversation/limits';
import type { Logger } from '../runtime/logger';
import { MemoryStore } from '../runtime/memoryStore';

export interface UsersInfoClient {
  users: {
    info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string } }>;
  };
}

export class UserLocales {
  private readonly cache = new MemoryStore<string>(CONVERSATION_LIMITS.clientLocale);
  /** Lookups under way: a user's messages that arrive together share one `users.info` call. */
  private readonly pending = new Map<string, Promise<string | undefined>>();
  private givenUp = false;
  private giveUpWaiting: () => void = () => {};
  private readonly gaveUp = new Promise<undefined>((resolve) => {
    this.giveUpWaiting = () => resolve(undefined);
  });

  constructor(private readonly logger: Logger) {}

  /** The locale already known, without a Web API call. */
  cached(team: string, userId: string): string | undefined {
    return this.cache.get(`${team}:${userId}`);
  }

  lookUp(client: UsersInfoClient, team: string, userId: string): Promise<string | undefined> {
    const key = `${team}:${userId}`;
    const known = this.cache.get(key);
    if (known || this.givenUp) return Promise.resolve(known);
    let lookup = this.pending.get(key);
    if (!lookup) {
      lookup = this.fetch(client, key, userId).finally(() => this.pending.delete(key));
      this.pending.set(key, lookup);
    }
    return Promise.race([lookup, this.gaveUp]);
  }

  /**
   * At shutdown: answers waiting for a lookup go on without the user's locale (the next rule applies),
   * and no new lookup starts, so that every acknowledged answer can still be sent.
   */
  giveUpLookups(): void {
    this.givenUp = true;
    this.giveUpWaiting();
  }

  private async fetch(client: UsersInfoClient, key: string, userId: string): Promise<string | undefined> {
    try {
      const result = await client.users.info({ user: userId, include_locale: true });
      const locale = result.user?.locale;
      if (locale) {
        this.cache.set(key, locale);
        this.logger.debug({ userId, locale }, 'Slack: user locale cached');
      }
      return locale;
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'Slack users.info failed; answering without the user locale');
      return undefined;
    }
  }
}
