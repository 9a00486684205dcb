/**
 * The bot scopes the app asks a workspace for when it is installed: the same list as the manifest's
 * `oauth_config.scopes.bot` (a test holds them together), each there with the reason it is needed.
 */
export const BOT_SCOPES = [
  'commands',
  'app_mentions:read',
  'chat:write',
  'im:history',
  'users:read',
] as const;
