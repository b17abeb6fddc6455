/**
 * The registry as data: every statement carries what the tests, the reports and the CLI read from it (docs/theory.md
 * "The statements"), and its parts fit together on a real case. Fast: one sampled case per statement, no property run.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Bound } from '../../src/statements/Statement.js';
import { findStatement, registry } from '../../src/statements/registry.js';

/** docs/theory.md's table, in its order: the single list the suite, the report and the CLI iterate. */
const THEORY_ORDER = [
  'flow.residual',
  'flow.energy',
  'prop-1.1',
  'eq-14',
  'eq-15',
  'eq-16.weights',
  'prop-3.1',
  'eq-19',
  'lemma-3.3',
  'eq-25',
  'eq-26',
  'eq-27',
  'thm-3.2',
  'thm-1.2',
  'thm-1.3',
  'lemma-2.1',
  'cor-2.2',
  'ntk-param',
];

const nonEmpty = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

function expectWellFormed(b: Bound, what: string): void {
  expect(Number.isNaN(b.lhs) || Number.isNaN(b.rhs), `${what}: NaN side`).toBe(false);
  expect(b.rhs, `${what}: rhs`).toBeGreaterThanOrEqual(0);
  if (b.branch !== undefined) expect(nonEmpty(b.branch), `${what}: branch`).toBe(true);
  if (b.scale !== undefined) expect(b.scale, `${what}: scale`).toBeGreaterThanOrEqual(0);
}

test('the registry lists every statement of docs/theory.md once, in the order of the text; findStatement finds each', () => {
  expect(registry.map((s) => s.id)).toEqual(THEORY_ORDER);
  for (const id of THEORY_ORDER) expect(findStatement(id)?.id).toBe(id);
  expect(findStatement('no-such-statement')).toBeUndefined();
});

describe.each(registry.map((s) => [s.id, s] as const))('%s', (_id, statement) => {
  test('names, formulas and verdicts: a restored reading, distinct non-empty formulas, a refuted sanity mutant', () => {
    expect([nonEmpty(statement.source), nonEmpty(statement.summary)]).toEqual([true, true]);
    expect(['<=', '>=']).toContain(statement.relation);
    const names = statement.readings.map((r) => r.name);
    expect(
      names.some((name) => name.startsWith('restored')),
      'a restored reading',
    ).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    for (const r of statement.readings) {
      expect(nonEmpty(r.name) && nonEmpty(r.formula), r.name).toBe(true);
      expect(['holds', 'refuted']).toContain(r.expected);
    }
    expect([statement.mutant.name, statement.mutant.expected, nonEmpty(statement.mutant.formula)]).toEqual(['mutant', 'refuted', true]);
    const formulas = [...statement.readings, statement.mutant].map((r) => r.formula);
    expect(new Set(formulas).size).toBe(formulas.length);
  });

  test('required coverage: at least one label, each with distinct non-empty values', () => {
    const entries = Object.entries(statement.requiredCoverage);
    expect(entries.length).toBeGreaterThan(0);
    for (const [label, values] of entries) {
      expect(nonEmpty(label)).toBe(true);
      expect(values.length, label).toBeGreaterThan(0);
      expect(values.every(nonEmpty), label).toBe(true);
      expect(new Set(values).size, label).toBe(values.length);
    }
  });

  test('on a generated case: describe/revive round-trip, a finite measurement, well-formed bounds and every required label', () => {
    const [c] = fc.sample(statement.arbitrary(), { seed: 7, numRuns: 1 });
    expect(typeof statement.applies(c)).toBe('boolean');
    const description = JSON.parse(JSON.stringify(statement.describe(c))) as unknown;
    expect(statement.describe(statement.revive(description))).toEqual(description);
    const measured = statement.measure(c);
    expect(measured.tightAccuracy).toBeGreaterThan(0);
    expect(measured.tightAccuracy).toBeLessThan(1e-6);
    for (const reading of [...statement.readings, statement.mutant]) {
      expectWellFormed(reading.bound(measured.primary), `${reading.name} (primary)`);
      expectWellFormed(reading.bound(measured.tight), `${reading.name} (tight)`);
    }
    const labels: Readonly<Record<string, string>> = statement.labels(c, measured.tight);
    for (const label of Object.keys(statement.requiredCoverage)) {
      if (label === 'branch') continue; // the branch comes from the bound, not from labels()
      expect(nonEmpty(labels[label]), `label ${label}`).toBe(true);
    }
    expect(() => statement.revive(null)).toThrow(/case/);
  });
});
