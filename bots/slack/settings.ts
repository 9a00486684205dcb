/** The Slack channel's settings: HTTP (events at POST /slack/events) or Socket Mode; off without any. */
import type { SettingsReader } from '../runtime/settings';

export type SlackSettings =
  | { mode: 'http'; signingSecret: string; botToken: string; apiUrl: string }
  | { mode: 'socket'; appToken: string; botToken: string; apiUrl: string; signingSecret?: string };

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** The settings, or `undefined` when none of the SLACK_* settings is set (Slack is off). */
export function readSlackSettings(settings: SettingsReader): SlackSettings | undefined {
  const signingSecret = settings.text('SLACK_SIGNING_SECRET');
  const botToken = settings.text('SLACK_BOT_TOKEN');
  const appToken = settings.text('SLACK_APP_TOKEN');
  if (!signingSecret && !botToken && !appToken) return undefined;
  const apiUrl = settings.url('SLACK_API_URL', DEFAULT_SLACK_API_URL);
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
