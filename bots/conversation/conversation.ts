/**
 * The one place that decides what the bot says, for every channel: a delivery seen before is not
 * handled again; the rate limits come first; then the user's language, the rules for the message or
 * the click, the outcome; the adapter's reply sends it; if anything fails on the way, the user gets
 * the apology with the reference that the log line with the error carries.
 */
import { performance } from 'node:perf_hooks';
import { type AnswerRequest, apologyText, type Locale, rateLimitedText } from '../../core';
import { elapsedMs } from '../runtime/elapsed';
import type { Logger } from '../runtime/logger';
import { turnReference } from '../runtime/turnReference';
import { Admissions } from './admission';
import { answerText, HELP_REQUEST, type Locales, preferredLocale } from './answering';
import { CheckRuns } from './checkRuns';
import { type CoreApi, REAL_CORE } from './core';
import { LastAnswers } from './followUps';
import { createInMemoryStore } from './inMemoryStore';
import { LanguageMemory } from './languageMemory';
import { CONVERSATION_LIMITS, type RateLimitKind, type RateLimitPair } from './limits';
import type { LiveChecks } from './liveCheck';
import type { CardClick, SearchQuery, Sender, UserMessage, Welcome } from './message';
import type { Delivered, Outcome, Reply, SearchOutcome } from './outcome';
import { searchAnswers } from './search';
import type { ConversationStore } from './store';

export interface ConversationOptions {
  logger: Logger;
  /** Where languages, last answers, seen deliveries and rate limits are kept; in memory by default. */
  store?: ConversationStore;
  /** The core; tests inject one that fails. */
  core?: CoreApi;
  /** Rate limits; tests set tight ones. */
  rateLimits?: Readonly<Record<RateLimitKind, RateLimitPair>>;
  /**
   * The live check of a mail server, where the bot runs one (the server's composition root gives
   * the network service); without it, "check mail.contoso.com" is answered with what the check does.
   */
  checks?: LiveChecks;
  now?: () => number;
}

/** Resolves with `promise`'s value, or `undefined` once `ms` have passed; the promise runs on either way. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** What a request does once admitted: decide the outcome, then note what was delivered. */
interface Steps {
  decide(logger: Logger): Promise<Outcome>;
  delivered(outcome: Outcome, where: Delivered | undefined, logger: Logger): Promise<void>;
  /** Whether a refusal tells the user (default true). */
  notice?: boolean;
  /** The apology's language, where finding it may take a lookup; else the one known by then. */
  apologyLocale?: () => Promise<Locale>;
}

export class Conversation {
  readonly store: ConversationStore;
  private readonly logger: Logger;
  private readonly core: CoreApi;
  private readonly languages: LanguageMemory;
  private readonly lastAnswers: LastAnswers;
  private readonly admissions: Admissions;
  private readonly checkRuns: CheckRuns | undefined;

  constructor(options: ConversationOptions) {
    const now = options.now ?? Date.now;
    this.logger = options.logger;
    this.store = options.store ?? createInMemoryStore(now);
    this.core = options.core ?? REAL_CORE;
    this.languages = new LanguageMemory(this.store, now);
    this.lastAnswers = new LastAnswers(this.store);
    this.admissions = new Admissions(this.store, options.rateLimits);
    this.checkRuns = options.checks && new CheckRuns(options.checks);
  }

  /** Waits for live checks in progress to deliver their results, at most `ms` (a shutdown's last work). */
  async drain(ms: number): Promise<void> {
    await this.checkRuns?.drain(ms);
  }

  /** A message to the bot: a mention, a DM, a personal chat, a slash command. */
  async respond(message: UserMessage, reply: Reply): Promise<void> {
    const started = performance.now();
    const locales: Locales = { chosen: undefined, client: message.clientLocale };
    const lookUpClientLocale = this.clientLocaleLookup(message, locales);
    await this.handle(message, 'message', locales, reply, {
      decide: async (logger) => {
        locales.chosen = await this.languages.chosen(message);
        logger.debug({ text: message.text }, 'message received');
        const { outcome, languageChoice, checkHost } = await answerText(this.core, message.text, {
          place: message.place,
          locales,
          lastAnswer: () => this.lastAnswers.get(message.channel, message.place.key),
          lookUpClientLocale,
        });
        if (checkHost !== undefined && this.checkRuns && outcome.kind === 'answer')
          return this.checkRuns.start(checkHost, outcome.answer.locale, message);
        if (languageChoice === 'automatic') await this.languages.forget(message);
        else if (languageChoice !== undefined) await this.languages.choose(message, languageChoice);
        if (outcome.kind === 'answer')
          await this.lastAnswers.remember(message.channel, message.place.key, outcome.answer.request);
        return outcome;
      },
      // A first message that failed before the client's locale was needed: the apology still follows it.
      apologyLocale: async () => {
        if (locales.chosen === undefined) await lookUpClientLocale?.();
        return preferredLocale(locales);
      },
      delivered: async (outcome, where, logger) => {
        this.checkRuns?.follow(outcome, where, message, logger);
        const latencyMs = elapsedMs(started);
        if (outcome.kind !== 'answer') return logger.info({ outcome: outcome.kind, latencyMs }, 'answered');
        const { intent, codes, locale } = outcome.answer;
        logger.info({ intent, codes, locale, latencyMs }, 'answered');
      },
    });
  }

  /**
   * A click on an answer card: its language picker, a fold (the fix, "more"), its Share button, its
   * "Check the server" (without a live check here, the answer that says what the check does).
   */
  async act(click: CardClick, reply: Reply): Promise<void> {
    const { action } = click;
    const locales: Locales = { chosen: undefined, client: action.locale };
    await this.handle(click, 'interaction', locales, reply, {
      decide: async () => {
        if (action.kind === 'check') {
          if (this.checkRuns) return this.checkRuns.start(action.host, action.locale, click);
          const request: AnswerRequest = { intent: 'check', codes: [], details: { server: action.host } };
          return { kind: 'answer', answer: this.core.answerAgain(request, action.locale) };
        }
        if (action.kind !== 'pickLanguage') {
          return {
            kind: 'answer',
            answer: this.core.answerAgain(action.request, action.locale),
            open: action.open,
          };
        }
        await this.languages.choose(click, action.locale);
        // A language card confirms the choice ("From now on…") instead of asking again.
        const confirms = action.request.intent === 'language' ? action.locale : undefined;
        const answer = this.core.answerAgain(action.request, action.locale, confirms);
        if (click.place) await this.lastAnswers.remember(click.channel, click.place.key, answer.request);
        return { kind: 'answer', answer, open: action.open };
      },
      delivered: async (outcome, where, logger) => {
        this.checkRuns?.follow(outcome, where, click, logger);
        // A shared answer starts a thread of its own: follow-ups there are about it.
        if (action.kind === 'share' && where?.place)
          await this.lastAnswers.remember(click.channel, where.place, action.request);
        logger.info({ action: action.kind, locale: action.locale }, 'card action');
      },
    });
  }

  /**
   * The bot was added to a chat or a team: it introduces itself with the help card, in the client's
   * language; a post for everyone does not follow the language one user chose.
   */
  async welcome(welcome: Welcome, reply: Reply): Promise<void> {
    const locales: Locales = { chosen: undefined, client: welcome.clientLocale };
    await this.handle(welcome, 'interaction', locales, reply, {
      // Refused quietly: nobody asked for a welcome, so nobody waits for a notice.
      notice: false,
      decide: async () => {
        if (welcome.audience === 'personal') locales.chosen = await this.languages.chosen(welcome);
        return { kind: 'answer', answer: this.core.answerAgain(HELP_REQUEST, preferredLocale(locales)) };
      },
      delivered: async (outcome, _where, logger) => {
        if (outcome.kind === 'answer')
          logger.info({ locale: outcome.answer.locale, audience: welcome.audience }, 'welcomed');
      },
    });
  }

  /** A compose-box search: the answers to offer, in the user's language; nothing is posted. */
  async search(query: SearchQuery): Promise<SearchOutcome> {
    const logger = this.turnLogger(query);
    const locales: Locales = { chosen: undefined, client: query.clientLocale };
    logger.debug({ text: query.text }, 'search received');
    try {
      locales.chosen = await this.languages.chosen(query);
      return { kind: 'answers', answers: searchAnswers(this.core, query.text, locales) };
    } catch (error) {
      const reference = turnReference();
      logger.error({ err: error, reference }, 'search failed');
      const locale = preferredLocale(locales);
      return { kind: 'failed', apology: { text: apologyText(locale, reference), locale }, reference };
    }
  }

  /**
   * The adapter's last line of defence, for an error outside the layer's own work (the channel's SDK
   * failing on an event): logged with the turn's reference, and the apology sent where possible.
   */
  async fail(sender: Sender, error: unknown, reply: Reply): Promise<void> {
    const logger = this.turnLogger(sender);
    const locales: Locales = { chosen: undefined, client: sender.clientLocale };
    locales.chosen = await this.languages.chosen(sender).catch(() => undefined);
    await this.apologize(error, reply, logger, preferredLocale(locales));
  }

  /**
   * The wait for a client locale the channel must look up (Slack's users.info): bounded, so that an
   * ack is never late; the lookup goes on after it and fills the channel's cache for next time. None
   * when the locale is already known.
   */
  private clientLocaleLookup(message: UserMessage, locales: Locales): (() => Promise<void>) | undefined {
    const { lookUpClientLocale } = message;
    if (!lookUpClientLocale || locales.client) return undefined;
    // Once per message, whoever asks (the answer, then perhaps its apology).
    let lookup: Promise<void> | undefined;
    return () => {
      lookup ??= within(lookUpClientLocale(), CONVERSATION_LIMITS.clientLocale.waitMs).then((locale) => {
        locales.client = locale;
      });
      return lookup;
    };
  }

  private turnLogger(sender: Sender): Logger {
    return this.logger.child({ channel: sender.channel, turn: turnReference() });
  }

  /**
   * Every request the same way: a delivery seen before is dropped; the rate limits refuse (with the
   * notice once per run of refusals, in the language known); the outcome is decided and replied;
   * `delivered` runs once it went out. Whatever fails before the reply went out becomes the apology.
   */
  private async handle(
    sender: Sender,
    kind: RateLimitKind,
    locales: Locales,
    reply: Reply,
    steps: Steps,
  ): Promise<void> {
    const logger = this.turnLogger(sender);
    let outcome: Outcome;
    let where: Delivered | undefined;
    try {
      if (!(await this.firstDelivery(sender, logger))) return;
      const admission = await this.admissions.admit(kind, sender);
      if (admission !== 'allow') {
        logger.warn({ decision: admission, kind }, 'rate limited');
        if (admission === 'refuseSilently' || steps.notice === false)
          return await this.say(reply, { kind: 'rateLimited', notice: undefined }, logger);
        locales.chosen ??= await this.languages.chosen(sender);
        const locale = preferredLocale(locales);
        return await this.say(
          reply,
          { kind: 'rateLimited', notice: { text: rateLimitedText(locale), locale } },
          logger,
        );
      }
      outcome = await steps.decide(logger);
      where = await reply(outcome);
    } catch (error) {
      const locale = await (steps.apologyLocale?.() ?? Promise.resolve(preferredLocale(locales))).catch(() =>
        preferredLocale(locales),
      );
      await this.apologize(error, reply, logger, locale);
      return;
    }
    try {
      await steps.delivered(outcome, where, logger);
    } catch (error) {
      // The user has the answer; only what was to be remembered of it is lost.
      logger.error({ err: error, reference: turnReference() }, 'could not remember the answer');
    }
  }

  /** False for a delivery already handled (a channel's retry, a replayed request). */
  private async firstDelivery(sender: Sender, logger: Logger): Promise<boolean> {
    const id = sender.deliveryId;
    if (id === undefined) return true;
    const first = await this.store.firstSeen(
      'delivery',
      `${sender.channel}:${id}`,
      CONVERSATION_LIMITS.delivery.ttlMs,
    );
    if (!first) logger.info({ deliveryId: id }, 'ignored a delivery already handled');
    return first;
  }

  /** Sends a refusal; a far end that refuses it too is only logged: there is nothing more to say. */
  private async say(reply: Reply, outcome: Outcome, logger: Logger): Promise<void> {
    try {
      await reply(outcome);
    } catch (error) {
      logger.error({ err: error, reference: turnReference() }, 'could not send the rate-limit notice');
    }
  }

  private async apologize(error: unknown, reply: Reply, logger: Logger, locale: Locale): Promise<void> {
    const reference = turnReference();
    logger.error({ err: error, reference }, 'turn failed');
    try {
      await reply({ kind: 'failed', apology: { text: apologyText(locale, reference), locale }, reference });
    } catch (sendError) {
      // The far end itself may be what failed; the error above is already logged.
      logger.error({ err: sendError, reference }, 'could not send the apology');
    }
  }
}
