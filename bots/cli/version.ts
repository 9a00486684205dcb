/** `mailflow --version`: the project's version, from its package.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built command runs from dist/bots/cli, three folders below the project root. */
const PACKAGE_JSON = join(__dirname, '..', '..', '..', 'package.json');

export function version(): string {
  const { version: value } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: unknown };
  return String(value);
}
