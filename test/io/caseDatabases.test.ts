import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errataPath, loadErrata } from '../../src/check/errataDb.js';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { loadWorstCases, worstCasesPath } from '../../src/io/worstCaseDb.js';

const dir = mkdtempSync(join(tmpdir(), 'ntk-db-'));
afterAll(() => rmSync(dir, { recursive: true }));

/** Write `value` (or raw text) to a fresh file of the temp folder; returns its path. */
function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** The error `load` throws, one line, as an NtkInputError. */
function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(NtkInputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected the load to throw');
}

describe('case databases are validated against their TypeBox schemas', () => {
  it('the shipped databases are valid', () => {
    expect(Object.keys(loadErrata(errataPath())).length).toBeGreaterThan(0);
    expect(Object.keys(loadWorstCases(worstCasesPath())).length).toBeGreaterThan(0);
  });

  it('a corrupt worst-case entry names the file and the JSON path', () => {
    const db = JSON.parse(readFileSync(worstCasesPath(), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    const [id, readings] = Object.entries(db)[0]!;
    const reading = Object.keys(readings)[0]!;
    readings[reading]!.ratio = 'tight';
    const path = file('worst-ratio.json', db);
    expect(errorOf(() => loadWorstCases(path))).toBe(`${path}: ${id}.${reading}.ratio="tight" must be as the schema says (expected number)`);
    readings[reading]!.ratio = 1;
    readings[reading]!.verdict = 'maybe';
    const verdict = file('worst-verdict.json', db);
    expect(errorOf(() => loadWorstCases(verdict))).toMatch(new RegExp(`^${verdict}: ${id}\\.${reading}\\.verdict="maybe" must be `));
  });

  it('a corrupt errata entry names the file and the JSON path; extra keys are allowed', () => {
    const db = JSON.parse(readFileSync(errataPath(), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    const [id, readings] = Object.entries(db)[0]!;
    const reading = Object.keys(readings)[0]!;
    readings[reading]!.note = 'a newer writer';
    expect(loadErrata(file('errata-extra.json', db))[id]?.[reading]).toBeDefined();
    const { bound: _bound, ...withoutBound } = readings[reading]!;
    readings[reading] = withoutBound;
    const path = file('errata-bound.json', db);
    expect(errorOf(() => loadErrata(path))).toMatch(
      new RegExp(`^${path}: ${id}\\.${reading}\\.bound=.* must be as the schema says \\(expected required property\\)$`),
    );
  });

  it('a file that is not JSON, or not a table, is one line naming the file; a missing file is an empty database', () => {
    const text = file('not-json.json', '{"eq-25": ');
    expect(errorOf(() => loadErrata(text))).toMatch(new RegExp(`^${text}=.* must be JSON \\(`));
    const list = file('list.json', [1]);
    expect(errorOf(() => loadWorstCases(list))).toBe(`${list}: (root)=array(length 1) must be as the schema says (expected object)`);
    expect(loadErrata(join(dir, 'none.json'))).toEqual({});
    expect(loadWorstCases(join(dir, 'none.json'))).toEqual({});
  });
});
