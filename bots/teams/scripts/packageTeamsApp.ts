/**
 * `npm run package:teams`: writes the Teams app package (.zip) to upload in Teams or the Developer
 * Portal. An entry point like the server's main: the one place this tool reads the environment.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPackageEntries, PackageSettingError, readManifestValues, zipAppPackage } from './appPackage';

const ROOT = join(__dirname, '..', '..', '..', '..');
const OUTPUT = join(ROOT, 'dist', 'appPackage', 'mailflow-bot-teams.zip');

/** The app's version in Teams follows the project's. */
function projectVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

try {
  const entries = appPackageEntries(readManifestValues(process.env, projectVersion()));
  mkdirSync(join(OUTPUT, '..'), { recursive: true });
  writeFileSync(OUTPUT, zipAppPackage(entries));
  process.stdout.write(`Teams app package: ${OUTPUT} (${entries.map((entry) => entry.name).join(', ')})\n`);
} catch (error) {
  if (!(error instanceof PackageSettingError)) throw error;
  process.stderr.write(`package:teams: setting ${error.message}\n`);
  process.exitCode = 1;
}
