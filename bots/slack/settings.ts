/**
 * The Slack channel's settings: one workspace over HTTP (events at POST /slack/events) or Socket
 * Mode, or many workspaces through Slack's OAuth v2 install; off without any.
 */
import type { SettingsReader } from '../runtime/settings';

/** The OAuth app's credentials: with these, each workspace that installs the app gets its own token. */
export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the install's `state` (and its browser cookie). */
  stateSecret: string;
}

export type SlackSettings =
  | { mode: 'http'; signingSecret: string; botToken: string; apiUrl: string }
  | { mode: 'socket'; appToken: string; botToken: string; apiUrl: string; signingSecret?: string }
  | { mode: 'oauth'; signingSecret: string; oauth: SlackOAuthSettings; apiUrl: string };

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

const OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * The OAuth settings, when any is set: all three are needed, and a fixed token (one workspace, or
 * Socket Mode, which Slack allows only for apps outside the Marketplace) cannot go with them.
 */
function readOAuth(settings: SettingsReader): SlackOAuthSettings | undefined {
  const [clientId, clientSecret, stateSecret] = OAUTH_SETTINGS.map((name) => settings.text(name));
  const given = OAUTH_SETTINGS.filter((name) => settings.text(name) !== undefined);
  if (given.length === 0) return undefined;
  for (const missing of OAUTH_SETTINGS.filter((name) => !given.includes(name)))
    settings.problem(missing, `is required with ${given.join(' and ')} (Slack for many workspaces)`);
  for (const token of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'])
    if (settings.text(token) !== undefined)
      settings.problem(
        token,
        `cannot be set together with ${given.join(' and ')}: ${token} serves one workspace, the OAuth settings serve every workspace that installs the app; set one or the other`,
      );
  return { clientId: clientId ?? '', clientSecret: clientSecret ?? '', stateSecret: stateSecret ?? '' };
}

/** The settings, or `undefined` when none of the SLACK_* settings is set (Slack is off). */
export function readSlackSettings(settings: SettingsReader): SlackSettings | undefined {
  const signingSecret = settings.text('SLACK_SIGNING_SECRET');
  const botToken = settings.text('SLACK_BOT_TOKEN');
  const appToken = settings.text('SLACK_APP_TOKEN');
  const oauth = readOAuth(settings);
  if (!signingSecret && !botToken && !appToken && !oauth) return undefined;
  const apiUrl = settings.url('SLACK_API_URL', DEFAULT_SLACK_API_URL);
  if (oauth) {
    if (!signingSecret) settings.problem('SLACK_SIGNING_SECRET', 'is required for Slack over HTTP');
    return { mode: 'oauth', signingSecret: signingSecret ?? '', oauth, apiUrl };
  }
  if (!botToken) settings.problem('SLACK_BOT_TOKEN', 'is required when Slack is configured');
  if (appToken) {
    if (!appToken.startsWith('xapp-'))
      settings.problem('SLACK_APP_TOKEN', 'must be an app-level token (xapp-…)');
    return {
      mode: 'socket',
      appToken,
      botToken: botToken ?? '',
      apiUrl,
      ...(signingSecret ? { signingSecret } : {}),
    };
  }
  if (!signingSecret) settings.problem('SLACK_SIGNING_SECRET', 'is required for Slack over HTTP');
  return { mode: 'http', signingSecret: signingSecret ?? '', botToken: botToken ?? '', apiUrl };
}
