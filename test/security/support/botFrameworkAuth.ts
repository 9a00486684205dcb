/**
 * Bot Framework authentication on loopback: a stand-in for Microsoft's OpenID metadata and signing
 * keys (which can answer, fail or hang), tokens signed with its key as the Bot Framework Service
 * signs them, and the authentication the Teams channel uses, pointed at the stand-in. Replies are
 * sent unsigned: the tests stand in for the connector too.
 */
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallerIdConstants, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  type BotFrameworkAuthentication,
  type ConnectorClientOptions,
  ServiceClientCredentialsFactory,
} from 'botframework-connector';

export const APP_ID = '00000000-0000-0000-0000-0000000000a1';
export const CHANNEL_ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;

/** How the metadata stand-in answers: as Microsoft does, with a 500, or never. */
export type MetadataMode = 'answer' | 'fail' | 'hang';

export interface MetadataStandIn {
  /** The OpenID configuration document's URL. */
  readonly url: string;
  mode: MetadataMode;
  /** Switches to 'hang' once this many more requests were answered. */
  hangAfter(requests: number): void;
  /** Requests that reached the stand-in. */
  readonly requests: string[];
  /** A compact JWT signed with the stand-in's key (or `key`), with these claims and header fields. */
  token(claims: Record<string, unknown>, header?: Record<string, unknown>, key?: KeyObject): string;
  close(): Promise<void>;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function signToken(
  claims: Record<string, unknown>,
  header: Record<string, unknown>,
  key: KeyObject,
): string {
  const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${signed}.${base64url(sign('RSA-SHA256', Buffer.from(signed), key))}`;
}

/** The claims of a token that the Bot Framework Service sends with an activity for `serviceUrl`. */
export function channelClaims(serviceUrl: string, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

export async function startMetadataStandIn(): Promise<MetadataStandIn> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = publicKey.export({ format: 'jwk' });
  const requests: string[] = [];
  const standIn = { mode: 'answer' as MetadataMode };
  let answersLeft = Number.POSITIVE_INFINITY;
  let base = '';
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (standIn.mode === 'answer' && answersLeft-- <= 0) standIn.mode = 'hang';
    if (standIn.mode === 'hang') return;
    if (standIn.mode === 'fail') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('metadata stand-in fails');
      return;
    }
    const document =
      req.url === '/keys'
        ? { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }
        : { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(standIn, {
    url: `${base}/.well-known/openidconfiguration`,
    requests,
    hangAfter(count: number) {
      answersLeft = count;
    },
    token: (claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = privateKey) =>
      signToken(claims, { alg: 'RS256', typ: 'JWT', kid, ...header }, key),
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  });
}

/** The bot's credentials for APP_ID: valid app id, authentication on, replies sent without a token. */
class StandInCredentials extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials() {
    return { signRequest: async <T>(request: T) => request };
  }
}

/**
 * The public cloud's authentication, as the Teams channel builds it from the settings, except that
 * the signing keys come from `metadata`.
 */
export function standInAuthentication(
  metadata: MetadataStandIn,
  connector: ConnectorClientOptions = {},
): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: APP_ID,
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrlPrefix,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: metadata.url,
      ToBotFromEmulatorOpenIdMetadataUrl: metadata.url,
      CallerId: CallerIdConstants.PublicAzureChannel,
    },
    new StandInCredentials(),
    undefined,
    undefined,
    connector,
  );
}
