/**
 * docs/theory.md stays in step with the code: a section for every statement of the registry, naming each of its
 * readings, and every section that a source comment cites by title (`docs/theory.md, "Numerical honesty"`) exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { registry } from '../../src/statements/registry.js';

const theory = readFileSync('docs/theory.md', 'utf8');

/** The text of the section whose heading starts with `### id:`, up to the next heading. */
function statementSection(id: string): string | undefined {
  const start = theory.indexOf(`\n### ${id}:`);
  if (start < 0) return undefined;
  const end = theory.indexOf('\n#', start + 1);
  return theory.slice(start, end < 0 ? undefined : end);
}

test.each(registry.map((s) => [s.id, s] as const))('%s has its section, with every reading and the mutant', (_id, statement) => {
  const section = statementSection(statement.id);
  expect(section, `docs/theory.md has no "### ${statement.id}:" section`).toBeDefined();
  for (const reading of [...statement.readings, statement.mutant]) {
    expect(section).toContain(`- ${reading.name} (${reading.expected}`);
  }
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every section a source comment cites by title exists', () => {
  const cited = new Set<string>();
  for (const file of ['src', 'arbitraries', 'properties', 'test', 'bench'].flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8').replace(/\n\s*\*\s*/g, ' '); // TSDoc line breaks inside a title
    for (const m of text.matchAll(/docs\/theory\.md,? \(?"([^"]+)"/g)) cited.add(m[1] as string);
  }
  expect(cited.size).toBeGreaterThan(3);
  const titles = [...theory.matchAll(/^#+ (.+)$|\*\*([^*]+?)\.?\*\*/gm)].map((m) => (m[1] ?? m[2]) as string);
  expect([...cited].filter((title) => !titles.includes(title))).toEqual([]);
});
