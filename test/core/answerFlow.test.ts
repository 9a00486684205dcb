/**
 * Building an answer goes one way: no module under core/answer/ imports, directly or through others,
 * a module that imports it, so which file a new section belongs in follows from what it needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ANSWER = join(__dirname, '..', '..', 'core', 'answer');
const RELATIVE_IMPORT = /from '(\.\/[\w]+)'/g;

/** Each module's sibling imports, type-only ones included: a type cycle tangles files just as much. */
function siblingImports(): Map<string, string[]> {
  const files = readdirSync(ANSWER).filter((name) => name.endsWith('.ts'));
  return new Map(
    files.map((file) => {
      const source = readFileSync(join(ANSWER, file), 'utf8');
      const targets = [...source.matchAll(RELATIVE_IMPORT)].map((m) => `${resolve(ANSWER, m[1] ?? '')}.ts`);
      return [join(ANSWER, file), targets];
    }),
  );
}

function cycleFrom(start: string, graph: Map<string, string[]>): string[] | undefined {
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (file: string): string[] | undefined => {
    const at = path.indexOf(file);
    if (at >= 0) return [...path.slice(at), file];
    if (done.has(file)) return undefined;
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return undefined;
  };
  return visit(start);
}

test('core/answer modules import each other one way only', () => {
  const graph = siblingImports();
  expect(graph.size).toBeGreaterThan(5);
  const cycles = [...graph.keys()].flatMap((file) => cycleFrom(file, graph) ?? []);
  expect(cycles).toEqual([]);
});

test('nothing under core/answer/ calls back into the entry point', () => {
  const callers = [...siblingImports()].filter(([, targets]) => targets.some((t) => t.endsWith('/build.ts')));
  expect(callers.map(([file]) => file)).toEqual([]);
});
