/** The Teams channel's settings: a bot registration, or local mode for the Emulator and the Agents Playground. */
import type { SettingsReader } from '../runtime/settings';

export type MicrosoftAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
const APP_TYPES: readonly MicrosoftAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

export type TeamsSettings =
  | { mode: 'local' }
  | {
      mode: 'authenticated';
      appId: string;
      appPassword: string;
      appType: MicrosoftAppType;
      tenantId?: string;
    };

export function readTeamsSettings(settings: SettingsReader): TeamsSettings {
  const appId = settings.text('MicrosoftAppId');
  // Checked even in local mode: a wrong value says the registration was meant and is mistyped.
  const appType = settings.oneOf('MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const appPassword = settings.text('MicrosoftAppPassword');
  const tenantId = settings.text('MicrosoftAppTenantId');
  if (!appId) {
    if (appPassword) settings.problem('MicrosoftAppPassword', 'is set, but MicrosoftAppId is not');
    if (tenantId) settings.problem('MicrosoftAppTenantId', 'is set, but MicrosoftAppId is not');
    return { mode: 'local' };
  }
  if (!appPassword && appType !== 'UserAssignedMSI')
    settings.problem('MicrosoftAppPassword', 'is required with MicrosoftAppId');
  if (!tenantId && appType !== 'MultiTenant')
    settings.problem('MicrosoftAppTenantId', `is required for ${appType}`);
  return {
    mode: 'authenticated',
    appId,
    appPassword: appPassword ?? '',
    appType,
    ...(tenantId ? { tenantId } : {}),
  };
}
