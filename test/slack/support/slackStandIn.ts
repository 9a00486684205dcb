/**
 * A local stand-in for the Slack Web API (`/api/<method>`) and for `response_url`s
 * (`/response/<id>`): it records every call and answers like Slack would, on 127.0.0.1.
 *
 * For Slack with many workspaces it also plays Slack's side of the OAuth install: `grant` gives a
 * workspace's code, `oauth.v2.access` exchanges it once for that workspace's own bot token (and, with
 * token rotation, refreshes it), and from the first install on every call must carry a token that
 * Slack issued and did not revoke, as Slack checks it: others get `invalid_auth`.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOT_SCOPES } from '../../../bots/slack/oauth/scopes';

export interface RecordedCall {
  /** The Web API method (`chat.postMessage`), or `response_url` for a post to a response URL. */
  method: string;
  /** For `response_url`: the id in its path. */
  responseId?: string;
  body: Record<string, unknown>;
  /** The bearer token of the Authorization header, where there was one. */
  token?: string;
}

/** A workspace as Slack knows it. */
export interface StandInWorkspace {
  teamId: string;
  teamName: string;
  botUserId: string;
  botId: string;
}

/** The OAuth app's credentials, as the stand-in expects them in `oauth.v2.access`. */
export const OAUTH_CLIENT = { clientId: '1111.2222', clientSecret: 'stand-in-client-secret' };

interface Issued {
  workspace: StandInWorkspace;
  /** Token rotation: the access token expires after this many seconds and comes with a refresh token. */
  expiresIn?: number;
}

type Predicate = (call: RecordedCall) => boolean;

/** How the stand-in misbehaves for one request: an error status (with Retry-After), or no answer at all. */
export type Fault = { status: number; retryAfter?: string } | 'hang';

export const BOT_USER_ID = 'UBOTMAILFLOW';

function decodeForm(text: string): Record<string, unknown> {
  // The Web API client sends objects and arrays (blocks) as JSON inside the form.
  return Object.fromEntries(
    [...new URLSearchParams(text)].map(([key, value]) => {
      if (/^[[{]/.test(value)) {
        try {
          return [key, JSON.parse(value) as unknown];
        } catch {
          return [key, value];
        }
      }
      return [key, value];
    }),
  );
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json'))
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return decodeForm(text);
}

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  /** users.info answers: user id → Slack locale. Others get en-US. */
  readonly userLocales = new Map<string, string>();
  /** Channels the bot is not a member of: chat.postMessage there fails like Slack's. */
  readonly notMemberOf = new Set<string>();
  /** Every request that reached the stand-in, by method (`response_url` included): the attempts. */
  readonly attempts: string[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly alwaysFaults = new Map<string, Fault>();
  private readonly held = new Map<string, Promise<void>>();
  private readonly waiters: { predicate: Predicate; resolve: (call: RecordedCall) => void }[] = [];
  private server: Server | undefined;
  private baseUrl = '';
  private nextTs = 1_700_000_000;
  private issuedCount = 0;
  /** Codes not yet exchanged, access tokens and refresh tokens still valid: each names its workspace. */
  private readonly codes = new Map<string, Issued>();
  private readonly tokens = new Map<string, Issued>();
  private readonly refreshTokens = new Map<string, Issued>();
  /** Each workspace's latest access token. */
  private readonly latest = new Map<string, string>();

  static async start(): Promise<SlackStandIn> {
    const standIn = new SlackStandIn();
    standIn.server = createServer((request, response) => {
      void standIn.handle(request, response);
    });
    standIn.server.listen(0, '127.0.0.1');
    await once(standIn.server, 'listening');
    const { port } = standIn.server.address() as AddressInfo;
    standIn.baseUrl = `http://127.0.0.1:${port}`;
    return standIn;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** users.info for `userId` waits until the returned function is called. */
  holdUsersInfo(userId: string): () => void {
    let release: () => void = () => {};
    this.held.set(
      userId,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return release;
  }

  /** The next requests to `method` get these faults, one each, in order. */
  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** Every request to `method` gets this fault until called again with `undefined`. */
  failAlways(method: string, fault: Fault | undefined): void {
    if (fault) this.alwaysFaults.set(method, fault);
    else this.alwaysFaults.delete(method);
  }

  /** Slack's side of an install: the code that the redirect to the bot carries. */
  grant(workspace: StandInWorkspace, options: { expiresIn?: number } = {}): string {
    const code = `code-${workspace.teamId}-${++this.issuedCount}`;
    this.codes.set(code, { workspace, ...options });
    return code;
  }

  /** The workspace uninstalled the app: every token Slack gave it stops working. */
  uninstall(teamId: string): void {
    for (const issued of [this.tokens, this.refreshTokens])
      for (const [token, { workspace }] of issued) if (workspace.teamId === teamId) issued.delete(token);
  }

  /** The workspace's current bot token (the last one issued). */
  tokenOf(teamId: string): string | undefined {
    return this.latest.get(teamId);
  }

  attemptsOf(method: string): number {
    return this.attempts.filter((attempt) => attempt === method).length;
  }

  /** Answers with the fault planned for `method`, if any; true when it did (or chose never to). */
  private misbehave(method: string, response: ServerResponse): boolean {
    this.attempts.push(method);
    const fault = this.faults.get(method)?.shift() ?? this.alwaysFaults.get(method);
    if (!fault) return false;
    if (fault === 'hang') return true; // accepted, never answered
    response.writeHead(fault.status, {
      'content-type': 'text/plain',
      ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
    });
    response.end(`stand-in answers ${fault.status}`);
    return true;
  }

  /** The `nth` call (1 = the first), past or future, that matches. */
  waitFor(method: string, predicate: Predicate = () => true, nth = 1): Promise<RecordedCall> {
    let seen = 0;
    const matches: Predicate = (call) => {
      if (call.method !== method || !predicate(call)) return false;
      seen += 1;
      return seen === nth;
    };
    const found = this.calls.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ predicate: matches, resolve }));
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    // Keep-alive connections from the bot's Web API client would otherwise hold the server open.
    this.server?.closeAllConnections();
    await closed;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const body = await readBody(request);
    const reply = (value: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const responseMatch = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (responseMatch) {
      if (this.misbehave('response_url', response)) return;
      this.record({ method: 'response_url', responseId: responseMatch[1] ?? '', body });
      return reply({ ok: true });
    }
    const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (!method) {
      response.writeHead(404);
      response.end();
      return;
    }
    if (this.misbehave(method, response)) return;
    if (method === 'users.info') await this.held.get(String(body.user));
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    this.record({ method, body, ...(token === undefined ? {} : { token }) });
    if (method === 'oauth.v2.access') return reply(this.exchange(body));
    // Once a workspace installed the app, tokens are Slack's own: a call must carry a live one.
    const caller = token === undefined ? undefined : this.tokens.get(token);
    if (this.latest.size > 0 && !caller) return reply({ ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        if (caller) {
          const { workspace } = caller;
          return reply({
            ok: true,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
            team_id: workspace.teamId,
            team: workspace.teamName,
            url: `https://${workspace.teamId.toLowerCase()}.slack.test/`,
          });
        }
        return reply({ ok: true, user_id: BOT_USER_ID, bot_id: 'BBOTMAILFLOW', team_id: 'T1' });
      case 'users.info': {
        const user = String(body.user);
        return reply({ ok: true, user: { id: user, locale: this.userLocales.get(user) ?? 'en-US' } });
      }
      case 'chat.postMessage':
        if (this.notMemberOf.has(String(body.channel))) return reply({ ok: false, error: 'not_in_channel' });
        this.nextTs += 1;
        return reply({ ok: true, channel: body.channel, ts: `${this.nextTs}.000100` });
      case 'chat.update':
        return reply({ ok: true, channel: body.channel, ts: body.ts });
      default:
        return reply({ ok: false, error: 'unknown_method' });
    }
  }

  /** `oauth.v2.access`: a code for the workspace's first token (once), or a refresh token for the next. */
  private exchange(body: Record<string, unknown>): Record<string, unknown> {
    if (body.client_id !== OAUTH_CLIENT.clientId) return { ok: false, error: 'invalid_client_id' };
    if (body.client_secret !== OAUTH_CLIENT.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const refreshing = body.grant_type === 'refresh_token';
    const from = refreshing ? this.refreshTokens : this.codes;
    const presented = String(refreshing ? body.refresh_token : body.code);
    const issued = from.get(presented);
    if (!issued) return { ok: false, error: refreshing ? 'invalid_refresh_token' : 'invalid_code' };
    from.delete(presented);
    const { workspace } = issued;
    const previous = this.latest.get(workspace.teamId);
    // A refreshed token replaces the old one at once here, so a test sees which one the bot uses.
    if (refreshing && previous) this.tokens.delete(previous);
    const count = ++this.issuedCount;
    const accessToken = `xoxb-${workspace.teamId}-${count}`;
    const next: Issued = refreshing ? { ...issued, expiresIn: 43_200 } : issued;
    this.tokens.set(accessToken, next);
    this.latest.set(workspace.teamId, accessToken);
    const rotation: Record<string, unknown> = {};
    if (next.expiresIn !== undefined) {
      const refreshToken = `xoxe-1-${workspace.teamId}-${count}`;
      this.refreshTokens.set(refreshToken, next);
      Object.assign(rotation, { refresh_token: refreshToken, expires_in: next.expiresIn });
    }
    const answer = {
      ok: true,
      app_id: 'A1',
      scope: BOT_SCOPES.join(','),
      token_type: 'bot',
      access_token: accessToken,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
      ...rotation,
    };
    // The first exchange also names the person who installed the app.
    return refreshing ? answer : { ...answer, authed_user: { id: `U${workspace.teamId}ADMIN` } };
  }
}
