/** The app manifest an admin creates the Slack app from matches what the bot serves and uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../bots/slack/handlers/command';
import { SLACK_EVENTS_PATH } from '../../bots/slack/http/httpReceiver';
import { REDIRECT_PATH } from '../../bots/slack/oauth/routes';
import { BOT_SCOPES } from '../../bots/slack/oauth/scopes';

interface Manifest {
  features: { slash_commands: { command: string; url: string; usage_hint?: string }[]; bot_user: unknown };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(__dirname, '../../bots/slack/manifest.yml'), 'utf8')) as Manifest;
const EVENTS_URL = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;

test('declares the /mailflow command at the events URL, with a usage hint', () => {
  expect(manifest.features.slash_commands).toEqual([
    expect.objectContaining({
      command: SLASH_COMMAND,
      url: EVENTS_URL,
      usage_hint: expect.stringMatching(/\S/),
    }),
  ]);
});

test('asks only for the bot scopes the bot uses, and no user scopes', () => {
  expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
    ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read'].sort(),
  );
  expect(manifest.oauth_config.scopes.user).toBeUndefined();
});

test('the OAuth install asks for the manifest’s scopes and comes back to the redirect route', () => {
  expect([...BOT_SCOPES]).toEqual(manifest.oauth_config.scopes.bot);
  expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${REDIRECT_PATH}`]);
});

test('subscribes to mentions and DMs, and sends interactivity, all to the same URL over HTTP', () => {
  expect(manifest.settings.event_subscriptions).toEqual({
    request_url: EVENTS_URL,
    bot_events: ['app_mention', 'message.im', 'app_uninstalled', 'tokens_revoked'],
  });
  expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL });
  expect(manifest.settings.socket_mode_enabled).toBe(false);
});
