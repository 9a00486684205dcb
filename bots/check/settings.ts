/**
 * The live check's settings (CONTRACT.md, `CHECK_*`), read from an environment-like record by the
 * process's one settings reader (the server's config, the CLI) and validated here, once, for both.
 */
import ipaddr from 'ipaddr.js';
import { CodedError, ERROR_CODES } from '../runtime/errors';

export interface CheckSettings {
  /** `CHECK_ENABLED` (default true). */
  enabled: boolean;
  /**
   * `CHECK_DNS_SERVERS`: resolvers as `IP` or `IP:PORT` (`[IPv6]:PORT`); every lookup goes to them.
   * Absent: the system's configured resolvers.
   */
  dnsServers?: readonly string[];
  /** `CHECK_TIMEOUT_MS`: the whole check's time (default 10 s). */
  timeoutMs: number;
  /** `CHECK_PORT` (default 25): the port every target is checked on. Other values are for tests. */
  port: number;
  /** `CHECK_ALLOW_PRIVATE_ADDRESSES` (default false): connect to loopback, private, link-local… too. */
  allowPrivateAddresses: boolean;
  /**
   * `CHECK_ALLOWED_REQUESTERS`: who may run checks from chat, as ids such as `teams:TENANT_ID`,
   * `teams:TENANT_ID:AAD_OBJECT_ID`, `slack:TEAM_ID` or `slack:TEAM_ID:USER_ID`. Absent: everyone.
   */
  allowedRequesters?: readonly string[];
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  enabled: true,
  timeoutMs: 10_000,
  port: 25,
  allowPrivateAddresses: false,
};

/** A wrong `CHECK_*` setting, named. */
export class CheckSettingError extends CodedError {
  readonly code = ERROR_CODES.checkSettingInvalid;
  constructor(
    readonly setting: string,
    readonly problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'CheckSettingError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 60_000;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false')
    throw new CheckSettingError(name, `must be true or false, not "${raw}"`);
  return raw === 'true';
}

function readWholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new CheckSettingError(name, `"${raw}" is not a whole number from ${min} to ${max}`);
  return value;
}

const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const IPV4_SERVER = /^([\d.]+)(?::(\d{1,5}))?$/;
const BRACKETED_SERVER = /^\[([^\]]+)\](?::(\d{1,5}))?$/;

/** `IP`, `IP:PORT` or `[IPv6]:PORT`, as node:dns `setServers` takes them. */
function isDnsServer(server: string): boolean {
  const v4 = IPV4_SERVER.exec(server);
  const v6 = v4 ? undefined : BRACKETED_SERVER.exec(server);
  const address = v4?.[1] ?? v6?.[1] ?? server;
  const port = v4?.[2] ?? v6?.[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  if (v4) return ipaddr.IPv4.isValidFourPartDecimal(address);
  return !address.includes('%') && ipaddr.IPv6.isValid(address);
}

function readDnsServers(env: Env): readonly string[] | undefined {
  const raw = read(env, 'CHECK_DNS_SERVERS');
  if (raw === undefined) return undefined;
  const servers = list(raw);
  const wrong = servers.find((server) => !isDnsServer(server));
  if (wrong !== undefined || servers.length === 0)
    throw new CheckSettingError(
      'CHECK_DNS_SERVERS',
      `"${wrong ?? raw}" is not a resolver address (IP, IP:PORT or [IPv6]:PORT, comma-separated)`,
    );
  return servers;
}

/** Reads and checks the `CHECK_*` settings; throws a CheckSettingError naming the first wrong one. */
export function readCheckSettings(env: Env): CheckSettings {
  const dnsServers = readDnsServers(env);
  const allowed = read(env, 'CHECK_ALLOWED_REQUESTERS');
  return {
    enabled: readBoolean(env, 'CHECK_ENABLED', DEFAULT_CHECK_SETTINGS.enabled),
    ...(dnsServers ? { dnsServers } : {}),
    timeoutMs: readWholeNumber(
      env,
      'CHECK_TIMEOUT_MS',
      DEFAULT_CHECK_SETTINGS.timeoutMs,
      MIN_TIMEOUT_MS,
      MAX_TIMEOUT_MS,
    ),
    port: readWholeNumber(env, 'CHECK_PORT', DEFAULT_CHECK_SETTINGS.port, 1, 65535),
    allowPrivateAddresses: readBoolean(
      env,
      'CHECK_ALLOW_PRIVATE_ADDRESSES',
      DEFAULT_CHECK_SETTINGS.allowPrivateAddresses,
    ),
    ...(allowed ? { allowedRequesters: list(allowed) } : {}),
  };
}
