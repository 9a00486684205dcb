/**
 * The state settings, read from the environment by the config loader: STATE_URL (where the state
 * lives) and the key for Slack installations (STATE_ENCRYPTION_KEY, else SLACK_STATE_SECRET). Every
 * problem is reported, each naming its setting; no message ever repeats a password or a key.
 */
import { isAbsolute, resolve } from 'node:path';
import { type SealingKeySource, Secret } from './sealing';

export const DEFAULT_STATE_URL = 'sqlite:./data/mailflow.db';

export type StateLocation =
  | { readonly backend: 'memory' }
  /** An absolute path: a relative one in STATE_URL is taken from the working directory. */
  | { readonly backend: 'sqlite'; readonly file: string }
  /** `url` may carry a password; `display` is the same URL without it, for logs and health. */
  | { readonly backend: 'redis'; readonly url: Secret<string>; readonly display: string };

export interface StateSettings {
  readonly location: StateLocation;
  readonly sealing: SealingKeySource;
}

export interface SettingProblem {
  readonly setting: string;
  readonly problem: string;
}

export type StateSettingsResult =
  | { readonly ok: true; readonly settings: StateSettings }
  | { readonly ok: false; readonly problems: readonly [SettingProblem, ...SettingProblem[]] };

type Env = Readonly<Record<string, string | undefined>>;

const SCHEMES = 'sqlite:PATH, redis://HOST:PORT[/DB], rediss://HOST:PORT[/DB] or memory:';

/** What was given, safe to repeat: the scheme, never what follows it (a password may). */
const schemeOf = (raw: string) => /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0] ?? raw.slice(0, 12);

function readSqlite(raw: string, cwd: string): StateLocation | string {
  const path = raw.slice('sqlite:'.length);
  if (path === '' || path === ':memory:')
    return 'sqlite: needs a file path (e.g. sqlite:./data/mailflow.db); use memory: to keep nothing';
  if (path.startsWith('//'))
    return 'write sqlite:/absolute/path or sqlite:relative/path (no host part: "sqlite://" is not a path)';
  return { backend: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) };
}

function readRedis(raw: string): StateLocation | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${schemeOf(raw)}//…" is not a valid URL; expected redis://[:PASSWORD@]HOST:PORT[/DB]`;
  }
  if (!url.hostname) return 'a Redis URL needs a host: redis://HOST:PORT[/DB]';
  if (url.search || url.hash) return 'a Redis URL takes no ?options or #fragment';
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d{1,4}$/.test(url.pathname))
    return 'the part after the host and port is a database number (e.g. /0)';
  const display = new URL(url.href);
  if (display.password) display.password = '***';
  return { backend: 'redis', url: new Secret(url.href), display: display.href };
}

function readLocation(env: Env, cwd: string): StateLocation | string {
  const raw = env.STATE_URL?.trim() || DEFAULT_STATE_URL;
  if (raw === 'memory:') return { backend: 'memory' };
  if (raw.startsWith('sqlite:')) return readSqlite(raw, cwd);
  if (raw.startsWith('redis://') || raw.startsWith('rediss://')) return readRedis(raw);
  return `"${schemeOf(raw)}…" is not a place for state; use ${SCHEMES}`;
}

/** 32 bytes are 43 base64 characters and one "=" (the URL-safe alphabet and no padding are fine too). */
const BASE64_32_BYTES = /^[A-Za-z0-9+/_-]{43}=?$/;

function readSealing(env: Env): SealingKeySource | string {
  const key = env.STATE_ENCRYPTION_KEY?.trim();
  if (key) {
    if (!BASE64_32_BYTES.test(key))
      return 'must be 32 random bytes in base64 (e.g. the output of `openssl rand -base64 32`)';
    // Node's base64 decoder reads both alphabets.
    return { source: 'key', key: new Secret(Buffer.from(key, 'base64')) };
  }
  const secret = env.SLACK_STATE_SECRET?.trim();
  return secret ? { source: 'secret', secret: new Secret(secret) } : { source: 'none' };
}

/**
 * Reads STATE_URL and the installations' key. `cwd` anchors a relative SQLite path (the server's
 * working directory).
 */
export function parseStateSettings(env: Env, cwd: string): StateSettingsResult {
  const location = readLocation(env, cwd);
  const sealing = readSealing(env);
  if (typeof location !== 'string' && typeof sealing !== 'string')
    return { ok: true, settings: { location, sealing } };
  const problems: SettingProblem[] = [];
  if (typeof location === 'string') problems.push({ setting: 'STATE_URL', problem: location });
  if (typeof sealing === 'string') problems.push({ setting: 'STATE_ENCRYPTION_KEY', problem: sealing });
  return { ok: false, problems: problems as [SettingProblem, ...SettingProblem[]] };
}
