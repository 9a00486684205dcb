/**
 * `@slack/oauth`'s installation store over the state store's: installations are kept by enterprise
 * (an org-wide install) or by team, sealed at rest by the state store, and never logged. What is read
 * back is checked before use: a record written by another version must not become a token.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type {
  InstallationKey,
  JsonValue,
  InstallationStore as SealedInstallationStore,
} from '../../runtime/state';

/** The message of a lookup for a workspace that has not installed the app (or has uninstalled it). */
export const NOT_INSTALLED = 'this workspace has not installed the app';

/** The store's key for an installation, or for a request that names its workspace. */
export function installationKey(where: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): InstallationKey {
  if (where.isEnterpriseInstall) {
    if (!where.enterpriseId) throw new Error('an org-wide installation without an enterprise id');
    return { scope: 'enterprise', enterpriseId: where.enterpriseId };
  }
  if (!where.teamId) throw new Error('an installation without a team id');
  return { scope: 'team', teamId: where.teamId };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An installation as stored, with a bot token: what a request needs to be answered. */
function readInstallation(value: unknown): Installation<'v1' | 'v2', boolean> | undefined {
  if (!isRecord(value) || !isRecord(value.bot) || typeof value.bot.token !== 'string') return undefined;
  return value as unknown as Installation<'v1' | 'v2', boolean>;
}

export class StateInstallationStore implements InstallationStore {
  constructor(private readonly sealed: SealedInstallationStore) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const key = installationKey({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    // Plain JSON: the installer's object holds strings, numbers, booleans, arrays and `undefined`s,
    // which JSON leaves out.
    await this.sealed.put(key, JSON.parse(JSON.stringify(installation)) as JsonValue);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const installation = readInstallation(await this.sealed.get(installationKey(query)));
    if (!installation) throw new Error(NOT_INSTALLED);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.sealed.delete(installationKey(query));
  }
}
