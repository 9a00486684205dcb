/**
 * The Teams app package: the manifest template in bots/teams/appPackage/ with its `${{SETTING}}`
 * placeholders filled in, the icons, and the localization files the manifest names, in one zip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { type Env, ConfigError as PackageSettingError, SettingsReader } from '../../runtime/settings';

/**
 * The folder with the manifest template, from the TypeScript source (tests) or from its build in
 * dist/ (the npm scripts): the package's files are not copied into dist/.
 */
export const APP_PACKAGE_FOLDER =
  [
    join(__dirname, '..', 'appPackage'),
    join(__dirname, '..', '..', '..', '..', 'bots', 'teams', 'appPackage'),
  ].find((folder) => existsSync(join(folder, 'manifest.json'))) ?? join(__dirname, '..', 'appPackage');

/** A wrong or missing setting for the package: the same error the server's settings raise. */
export { PackageSettingError };

/** The values that fill the manifest's placeholders, by placeholder name. */
export type ManifestValues = Readonly<Record<string, string>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsUrl(settings: SettingsReader, name: string, fallback?: string): string {
  const raw = settings.text(name) ?? fallback;
  if (!raw) {
    settings.problem(name, 'is required to build the Teams app package');
    return '';
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    settings.problem(name, `"${raw}" is not a URL`);
    return raw;
  }
  if (url.protocol !== 'https:') settings.problem(name, 'must be an https URL');
  return url.href;
}

/** Reads and checks the settings the package needs; throws naming every missing or wrong one. */
export function readManifestValues(env: Env, appVersion: string): ManifestValues {
  const settings = new SettingsReader(env);
  const appId = settings.text('MicrosoftAppId') ?? '';
  if (!appId) settings.problem('MicrosoftAppId', "is required: the Azure Bot's Microsoft App ID");
  else if (!GUID.test(appId)) settings.problem('MicrosoftAppId', `"${appId}" is not a GUID`);
  const website = httpsUrl(settings, 'TEAMS_APP_WEBSITE_URL');
  const values = {
    MicrosoftAppId: appId,
    APP_VERSION: appVersion,
    TEAMS_APP_WEBSITE_URL: website,
    TEAMS_APP_PRIVACY_URL: httpsUrl(settings, 'TEAMS_APP_PRIVACY_URL', website || undefined),
    TEAMS_APP_TERMS_URL: httpsUrl(settings, 'TEAMS_APP_TERMS_URL', website || undefined),
  };
  settings.check();
  return values;
}

/** Replaces every `${{NAME}}` in the JSON text; a placeholder without a value is an error naming it. */
export function fillPlaceholders(template: string, values: ManifestValues): string {
  return template.replace(/\$\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new PackageSettingError([{ setting: name, problem: 'has no value for the manifest' }]);
    // The value lands inside a JSON string: escape it as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
}

interface ManifestFiles {
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { file: string }[] };
}

/** One file of the package, by its name at the zip's root. */
export interface AppPackageFile {
  name: string;
  data: Buffer;
}

/** The files of the package: the filled manifest, then every file it names. */
export function appPackageEntries(values: ManifestValues, folder = APP_PACKAGE_FOLDER): AppPackageFile[] {
  const manifestText = fillPlaceholders(readFileSync(join(folder, 'manifest.json'), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as ManifestFiles;
  const named = [
    manifest.icons.color,
    manifest.icons.outline,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
  ];
  return [
    { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
    ...named.map((name) => ({ name, data: readFileSync(join(folder, name)) })),
  ];
}

/**
 * 1 January 1980, local time: the earliest date a zip entry can carry. Every entry gets it, so that
 * the same files always give the same bytes.
 */
const ENTRY_DATE = new Date(1980, 0, 1);

/** The package as Teams takes it: a zip with every file at its root, deflated. */
export function zipAppPackage(files: readonly AppPackageFile[]): Buffer {
  const zip = zipSync(Object.fromEntries(files.map((file) => [file.name, new Uint8Array(file.data)])), {
    level: 9,
    mtime: ENTRY_DATE,
  });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
