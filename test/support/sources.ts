/** The project's TypeScript sources and what they import, for the tests that keep layers apart. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Every .ts file under `folder` (relative to the project root), as root-relative paths with `/`. */
export function sourcesUnder(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : entry.name.endsWith('.ts') ? [path] : [];
    });
  return walk(join(ROOT, folder)).map((path) => relative(ROOT, path).split('\\').join('/'));
}

export const sourceOf = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

export interface Import {
  /** As written: a package name, or a relative path. */
  specifier: string;
  /** A relative import resolved to a root-relative path (without extension); the package name otherwise. */
  target: string;
  /** The names imported in braces (`type` markers removed); empty for other forms. */
  names: string[];
}

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:\{([^}]*)\}\s+from\s+|[\w*\s,]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string): Import[] {
  return [...sourceOf(file).matchAll(IMPORT)].map((match) => {
    const specifier = match[2] ?? match[3] ?? '';
    const target = specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier))
          .split('\\')
          .join('/')
      : specifier;
    const names = (match[1] ?? '')
      .split(',')
      .map(
        (name) =>
          name
            .replace(/\btype\b/, '')
            .split(/\s+as\s+/)[0]
            ?.trim() ?? '',
      )
      .filter((name) => name.length > 0);
    return { specifier, target, names };
  });
}
