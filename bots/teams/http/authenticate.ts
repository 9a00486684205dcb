/**
 * Who sent a Teams request, decided before the turn runs, within a time bound, with an answer that
 * carries no internal text: 401 for a token that is not valid, 503 when it cannot be checked now.
 *
 * A token must pass this bot's own checks (bearerToken.ts) and its signature must verify with the
 * signing keys (openIdKeys.ts) before botbuilder sees it, so that no forged token reaches
 * botframework-connector's code at all. botbuilder then checks it again, the way it always has
 * (audience, serviceUrl claim, endorsements). Its own key fetch has no timeout: the bot stops
 * waiting after `timeoutMs`, and while `maxStalled` such checks are still hanging, further requests
 * get a 503 at once instead of adding to them.
 */
import { verify } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import { type BearerToken, type KeySource, readBearerToken, type TokenIssuers } from './bearerToken';
import { type OpenIdKeys, SigningKeysUnavailableError } from './openIdKeys';

export type AuthenticationOutcome =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401 | 503; reason: string; error?: unknown };

export interface TokenChecks {
  issuers: TokenIssuers;
  keys: Readonly<Record<KeySource, OpenIdKeys>>;
}

export interface AuthenticatorOptions {
  authentication: BotFrameworkAuthentication;
  /** Undefined in local mode, where botbuilder authenticates no one. */
  tokens: TokenChecks | undefined;
  timeoutMs: number;
  maxStalled: number;
}

export const AUTHENTICATION_TIMEOUT_MS = 3_000;
export const MAX_STALLED_AUTHENTICATIONS = 4;

const unauthorized = (reason: string, error?: unknown): AuthenticationOutcome => ({
  ok: false,
  status: 401,
  reason,
  ...(error === undefined ? {} : { error }),
});
const unavailable = (reason: string, error?: unknown): AuthenticationOutcome => ({
  ok: false,
  status: 503,
  reason,
  ...(error === undefined ? {} : { error }),
});

/** jsonwebtoken's errors: the token itself is wrong. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * botbuilder's verdict on a token that passed this bot's checks: an AuthenticationError with a 4xx
 * status or a jsonwebtoken error is a refusal; anything else (its key fetch failing) means the
 * token could not be checked now.
 */
function classify(error: unknown): AuthenticationOutcome {
  const { name, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    statusCode?: unknown;
  };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return unauthorized('refused by botbuilder', error);
  if (typeof name === 'string' && TOKEN_ERRORS.has(name)) return unauthorized('refused by botbuilder', error);
  return unavailable('botbuilder could not check the token', error);
}

export function createAuthenticator(options: AuthenticatorOptions) {
  const { authentication, tokens } = options;
  let stalled = 0;

  /** The signature, then botbuilder's own checks, of a token that passed the checks needing no key. */
  async function verifyAndAuthenticate(
    activity: Activity,
    header: string,
    token: BearerToken,
    keys: TokenChecks['keys'],
  ): Promise<AuthenticationOutcome> {
    let key: Awaited<ReturnType<OpenIdKeys['key']>>;
    try {
      key = await keys[token.source].key(token.keyId);
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) return unavailable('signing keys unavailable', error);
      throw error;
    }
    if (!key) return unauthorized('token signed with an unknown key');
    if (!verify(token.algorithm, Buffer.from(token.signed), key, token.signature))
      return unauthorized('token signature not valid');
    return { ok: true, result: await authentication.authenticateRequest(activity, header) };
  }

  /** Resolves with `work`'s outcome, or with a 503 once `timeoutMs` passed; counts what still hangs. */
  async function withinTime(work: Promise<AuthenticationOutcome>): Promise<AuthenticationOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), options.timeoutMs);
    });
    const outcome = await Promise.race([work, late]);
    clearTimeout(timer);
    if (outcome !== 'late') return outcome;
    stalled += 1;
    void work.finally(() => {
      stalled -= 1;
    });
    return unavailable('authentication took too long');
  }

  return async (
    activity: Activity,
    authorization: string | string[] | undefined,
  ): Promise<AuthenticationOutcome> => {
    if (!tokens) {
      // Local mode: botbuilder answers at once with an anonymous identity.
      return { ok: true, result: await authentication.authenticateRequest(activity, '') };
    }
    const header = typeof authorization === 'string' ? authorization : '';
    const reading = readBearerToken(header, tokens.issuers);
    if (!reading.ok) return unauthorized(reading.reason);
    if (stalled >= options.maxStalled) return unavailable('earlier authentications still hang');
    return withinTime(
      verifyAndAuthenticate(activity, header, reading.token, tokens.keys).catch((error: unknown) =>
        classify(error),
      ),
    );
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
