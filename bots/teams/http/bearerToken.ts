/**
 * The Authorization header of a Teams request, read before botbuilder sees it: bounded in size, a
 * JWT in shape, from an issuer that signs tokens for bots, about a tenant this bot knows, and within
 * its validity. botframework-connector 4.23 adds the issuers of every new `tid` claim it sees to a
 * global list that is never cleared (and scans that list for each new one), whether or not the token
 * was signed by anyone: a token that names an unknown tenant must never reach it.
 */
import {
  AuthenticationConstants,
  ToBotFromBotOrEmulatorTokenValidationParameters,
} from 'botframework-connector';

/** Bot Framework tokens are 1-2 KB; Node itself allows 16 KB for all headers together. */
export const MAX_AUTHORIZATION_CHARS = 8 * 1024;

/** The clock skew Bot Framework allows for `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

const ALGORITHMS: Readonly<Record<string, string>> = {
  RS256: 'RSA-SHA256',
  RS384: 'RSA-SHA384',
  RS512: 'RSA-SHA512',
};

/** Which OpenID metadata holds the keys that sign a token: the Bot Framework Service's, or Entra's. */
export type KeySource = 'channel' | 'emulator';

/** Who may sign tokens for this bot, and which tenants they may name. */
export interface TokenIssuers {
  readonly issuers: ReadonlyMap<string, KeySource>;
  readonly tenants: ReadonlySet<string>;
}

// Read when this module loads, before any request could have made botframework-connector grow it.
const BOT_FRAMEWORK_ISSUERS: readonly string[] = [
  ...(ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[]),
];
const TENANT_IN_ISSUER = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The Bot Framework Service (channel tokens: Teams), and the Entra issuers botframework-connector
 * accepts for the Emulator and for skills, plus those of the bot's own tenant (a single-tenant bot).
 */
export function tokenIssuers(tenantId?: string): TokenIssuers {
  const tenantIssuers = tenantId
    ? [
        `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tenantId}/`,
        `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tenantId}/v2.0`,
      ]
    : [];
  const emulator = [...BOT_FRAMEWORK_ISSUERS, ...tenantIssuers];
  // Compared as written: botframework-connector's own check is case-sensitive.
  const tenants = BOT_FRAMEWORK_ISSUERS.map((issuer) => TENANT_IN_ISSUER.exec(issuer)?.[0]);
  if (tenantId) tenants.push(tenantId);
  return {
    issuers: new Map<string, KeySource>([
      [AuthenticationConstants.ToBotFromChannelTokenIssuer, 'channel'],
      ...emulator.map((issuer): [string, KeySource] => [issuer, 'emulator']),
    ]),
    tenants: new Set(tenants.filter((tenant): tenant is string => tenant !== undefined)),
  };
}

/** A token that passed every check that needs no key: what remains is its signature. */
export interface BearerToken {
  keyId: string;
  source: KeySource;
  /** Node's name for the signature algorithm. */
  algorithm: string;
  /** `header.payload`, the bytes the signature covers. */
  signed: string;
  signature: Buffer;
}

export type TokenReading = { ok: true; token: BearerToken } | { ok: false; reason: string };

const JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const refuse = (reason: string): TokenReading => ({ ok: false, reason });

export function readBearerToken(
  header: string | string[] | undefined,
  trusted: TokenIssuers,
  nowSeconds: number = Date.now() / 1000,
): TokenReading {
  if (typeof header !== 'string' || header === '') return refuse('no Authorization header');
  if (header.length > MAX_AUTHORIZATION_CHARS) return refuse('Authorization header too long');
  const parts = JWT.exec(header);
  if (!parts) return refuse('Authorization is not a Bearer JWT');
  const [, headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const jose = jsonObject(headerPart);
  const claims = jsonObject(payloadPart);
  if (!jose || !claims) return refuse('token parts are not JSON objects');
  const algorithm = typeof jose.alg === 'string' ? ALGORITHMS[jose.alg] : undefined;
  if (!algorithm) return refuse('token algorithm not accepted');
  if (typeof jose.kid !== 'string' || jose.kid === '') return refuse('token names no signing key');
  const source = typeof claims.iss === 'string' ? trusted.issuers.get(claims.iss) : undefined;
  if (!source) return refuse('token issuer not trusted');
  if (claims.tid !== undefined && !(typeof claims.tid === 'string' && trusted.tenants.has(claims.tid)))
    return refuse('token tenant not known');
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds)
    return refuse('token expired');
  if (
    claims.nbf !== undefined &&
    (typeof claims.nbf !== 'number' || claims.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds)
  )
    return refuse('token not yet valid');
  return {
    ok: true,
    token: {
      keyId: jose.kid,
      source,
      algorithm,
      signed: `${headerPart}.${payloadPart}`,
      signature: Buffer.from(signaturePart, 'base64url'),
    },
  };
}
