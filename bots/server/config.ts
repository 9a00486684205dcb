/**
 * The server's settings, read from the environment once at start-up and checked before any channel's
 * SDK is loaded: the server's own here, each channel's by its plugin. Every wrong or missing setting
 * is named at once. The rest of the code receives this typed object and never reads `process.env`.
 */
import {
  CheckSettingError,
  type CheckSettings,
  DEFAULT_CHECK_SETTINGS,
  readCheckSettings,
} from '../check/settings';
import type { ChannelPlugin, ChannelSetup } from '../conversation/channelPlugin';
import { LOG_LEVELS, type LogLevel } from '../runtime/logger';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy, worstCaseMs } from '../runtime/outbound/policy';
import { type Env, SettingsReader } from '../runtime/settings';
// The state settings' own module, not the store's index: opening a store loads its drivers, which
// must wait until every setting has been checked.
import { parseStateSettings, type StateSettings } from '../runtime/state/settings';
import { CHANNEL_PLUGINS } from './channels';

export interface ConfiguredChannel {
  name: string;
  setup: ChannelSetup;
}

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Timeouts and retries of every call to the Bot Framework connector and to Slack. */
  outbound: OutboundPolicy;
  /** The live check of a destination mail server (`CHECK_*`). */
  check: CheckSettings;
  /** Where the state lives (STATE_URL) and the key for Slack installations. */
  state: StateSettings;
  /** The channels to run, in the order of the plugin list. */
  channels: ConfiguredChannel[];
  /** For the start-up log: each channel that is off, and why. */
  channelsOff: string[];
}

const LOOPBACK_HOSTS = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)$/;

/**
 * A channel that answers unauthenticated requests (Teams' local mode) answers anyone who can reach
 * it, so the server then listens on loopback; another address needs ALLOW_LOCAL_MODE_ON_NETWORK=true,
 * said on purpose.
 */
function readHost(settings: SettingsReader, channels: readonly ConfiguredChannel[]): string {
  const host = settings.text('HOST');
  const allowed = settings.flag('ALLOW_LOCAL_MODE_ON_NETWORK', false);
  const unauthenticated = channels.flatMap(({ setup }) =>
    setup.unauthenticated ? [setup.unauthenticated] : [],
  );
  if (unauthenticated.length === 0) return host ?? '0.0.0.0';
  if (host !== undefined && !LOOPBACK_HOSTS.test(host) && !allowed) {
    settings.problem(
      'HOST',
      `"${host}" is not a loopback address; ${unauthenticated.join('; ')}, unauthenticated (set ALLOW_LOCAL_MODE_ON_NETWORK=true to listen there anyway)`,
    );
  }
  return host ?? '127.0.0.1';
}

/** A reply must stay well under a minute however the far end behaves. */
const MAX_DELIVERY_MS = 45_000;

function readOutbound(settings: SettingsReader): OutboundPolicy {
  const policy: OutboundPolicy = {
    ...DEFAULT_OUTBOUND_POLICY,
    timeoutMs: settings.integer('OUTBOUND_TIMEOUT_MS', DEFAULT_OUTBOUND_POLICY.timeoutMs, 500, 15_000),
    maxAttempts: 1 + settings.integer('OUTBOUND_MAX_RETRIES', DEFAULT_OUTBOUND_POLICY.maxAttempts - 1, 0, 5),
  };
  const worst = worstCaseMs(policy);
  if (worst > MAX_DELIVERY_MS)
    settings.problem(
      'OUTBOUND_MAX_RETRIES',
      `with OUTBOUND_TIMEOUT_MS=${policy.timeoutMs} one reply could take ${Math.ceil(worst / 1000)} s; keep it under ${MAX_DELIVERY_MS / 1000} s`,
    );
  return policy;
}

/** The live check's settings are read by its own reader (the command line shares it), which stops at the first problem. */
function readCheck(settings: SettingsReader, env: Env): CheckSettings {
  try {
    return readCheckSettings(env);
  } catch (error) {
    if (!(error instanceof CheckSettingError)) throw error;
    settings.problem(error.setting, error.problem);
    return DEFAULT_CHECK_SETTINGS;
  }
}

function readState(settings: SettingsReader, env: Env, cwd: string): StateSettings {
  const result = parseStateSettings(env, cwd);
  if (result.ok) return result.settings;
  for (const { setting, problem } of result.problems) settings.problem(setting, problem);
  // A stand-in: a config with a problem is never used.
  return { location: { backend: 'memory' }, sealing: { source: 'none' } };
}

/**
 * Reads and checks every setting; throws one ConfigError naming every wrong or missing one. `cwd`
 * anchors a relative SQLite path in STATE_URL.
 */
export function loadConfig(
  env: Env,
  cwd: string = process.cwd(),
  plugins: readonly ChannelPlugin[] = CHANNEL_PLUGINS,
): Config {
  const settings = new SettingsReader(env);
  const channels: ConfiguredChannel[] = [];
  const channelsOff: string[] = [];
  for (const plugin of plugins) {
    const setup = plugin.configure(settings);
    if ('off' in setup) channelsOff.push(setup.off);
    else channels.push({ name: plugin.name, setup });
  }
  const config: Config = {
    port: settings.integer('PORT', 3978, 0, 65535),
    host: readHost(settings, channels),
    logLevel: settings.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    outbound: readOutbound(settings),
    check: readCheck(settings, env),
    state: readState(settings, env, cwd),
    channels,
    channelsOff,
  };
  settings.check();
  return config;
}
