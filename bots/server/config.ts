/**
 * The server's settings, read from the environment once at start-up and validated. The rest of the
 * code receives this typed object and never reads `process.env`.
 */
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy, worstCaseMs } from '../runtime/outbound/policy';

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type MicrosoftAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
const APP_TYPES: readonly MicrosoftAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/** Teams: authenticated with a bot registration, or local mode for the Emulator and Agents Playground. */
export type TeamsConfig =
  | { mode: 'local' }
  | {
      mode: 'authenticated';
      appId: string;
      appPassword: string;
      appType: MicrosoftAppType;
      tenantId?: string;
    };

/** Slack: off, HTTP (events at POST /slack/events), or Socket Mode. */
export type SlackConfig =
  | { mode: 'off' }
  | { mode: 'http'; signingSecret: string; botToken: string; apiUrl: string }
  | { mode: 'socket'; appToken: string; botToken: string; apiUrl: string; signingSecret?: string };

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  teams: TeamsConfig;
  slack: SlackConfig;
  /** Timeouts and retries of every call to the Bot Framework connector and to Slack. */
  outbound: OutboundPolicy;
}

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

type Env = Readonly<Record<string, string | undefined>>;

const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

function readPort(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === undefined) return 3978;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65535)
    throw new ConfigError('PORT', `"${raw}" is not a port number (0-65535)`);
  return port;
}

function readUrl(env: Env, name: string, fallback: string): string {
  const raw = read(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(name, 'must be an http(s) URL');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function readTeams(env: Env): TeamsConfig {
  const appId = read(env, 'MicrosoftAppId');
  if (!appId) {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId']) {
      if (read(env, name)) throw new ConfigError(name, 'is set, but MicrosoftAppId is not');
    }
    return { mode: 'local' };
  }
  const appType = read(env, 'MicrosoftAppType') ?? 'MultiTenant';
  if (!APP_TYPES.includes(appType as MicrosoftAppType)) {
    throw new ConfigError('MicrosoftAppType', `must be one of ${APP_TYPES.join(', ')}, not "${appType}"`);
  }
  const appPassword = read(env, 'MicrosoftAppPassword');
  if (!appPassword && appType !== 'UserAssignedMSI')
    throw new ConfigError('MicrosoftAppPassword', 'is required with MicrosoftAppId');
  const tenantId = read(env, 'MicrosoftAppTenantId');
  if (!tenantId && appType !== 'MultiTenant')
    throw new ConfigError('MicrosoftAppTenantId', `is required for ${appType}`);
  return {
    mode: 'authenticated',
    appId,
    appPassword: appPassword ?? '',
    appType: appType as MicrosoftAppType,
    ...(tenantId ? { tenantId } : {}),
  };
}

function readSlack(env: Env): SlackConfig {
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET');
  const botToken = read(env, 'SLACK_BOT_TOKEN');
  const appToken = read(env, 'SLACK_APP_TOKEN');
  if (!signingSecret && !botToken && !appToken) return { mode: 'off' };
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'is required when Slack is configured');
  const apiUrl = readUrl(env, 'SLACK_API_URL', DEFAULT_SLACK_API_URL);
  if (appToken) {
    if (!appToken.startsWith('xapp-'))
      throw new ConfigError('SLACK_APP_TOKEN', 'must be an app-level token (xapp-…)');
    return { mode: 'socket', appToken, botToken, apiUrl, ...(signingSecret ? { signingSecret } : {}) };
  }
  if (!signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET', 'is required for Slack over HTTP');
  return { mode: 'http', signingSecret, botToken, apiUrl };
}

const LOOPBACK_HOSTS = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)$/;

/**
 * Local mode answers anyone who can reach it, unauthenticated, so it listens on loopback; another
 * address needs ALLOW_LOCAL_MODE_ON_NETWORK=true, said on purpose.
 */
function readHost(env: Env, teams: TeamsConfig): string {
  const host = read(env, 'HOST');
  if (teams.mode === 'authenticated') return host ?? '0.0.0.0';
  const allowed = read(env, 'ALLOW_LOCAL_MODE_ON_NETWORK');
  if (allowed !== undefined && allowed !== 'true' && allowed !== 'false') {
    throw new ConfigError('ALLOW_LOCAL_MODE_ON_NETWORK', 'must be true or false');
  }
  if (host !== undefined && !LOOPBACK_HOSTS.test(host) && allowed !== 'true') {
    throw new ConfigError(
      'HOST',
      `"${host}" is not a loopback address; without MicrosoftAppId the bot is unauthenticated (set ALLOW_LOCAL_MODE_ON_NETWORK=true to listen there anyway)`,
    );
  }
  return host ?? '127.0.0.1';
}

/** A reply must stay well under a minute however the far end behaves. */
const MAX_DELIVERY_MS = 45_000;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new ConfigError(name, `"${raw}" is not a whole number from ${min} to ${max}`);
  return Number(raw);
}

function readOutbound(env: Env): OutboundPolicy {
  const policy: OutboundPolicy = {
    ...DEFAULT_OUTBOUND_POLICY,
    timeoutMs: readInteger(env, 'OUTBOUND_TIMEOUT_MS', DEFAULT_OUTBOUND_POLICY.timeoutMs, 500, 15_000),
    maxAttempts: 1 + readInteger(env, 'OUTBOUND_MAX_RETRIES', DEFAULT_OUTBOUND_POLICY.maxAttempts - 1, 0, 5),
  };
  const worst = worstCaseMs(policy);
  if (worst > MAX_DELIVERY_MS)
    throw new ConfigError(
      'OUTBOUND_MAX_RETRIES',
      `with OUTBOUND_TIMEOUT_MS=${policy.timeoutMs} one reply could take ${Math.ceil(worst / 1000)} s; keep it under ${MAX_DELIVERY_MS / 1000} s`,
    );
  return policy;
}

/** Reads and checks every setting; throws a ConfigError naming the first wrong one. */
export function loadConfig(env: Env): Config {
  const teams = readTeams(env);
  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: readPort(env),
    host: readHost(env, teams),
    logLevel,
    teams,
    slack: readSlack(env),
    outbound: readOutbound(env),
  };
}
