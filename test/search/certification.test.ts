import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReading } from '../../src/check/checkReading.js';
import { judge } from '../../src/check/judge.js';
import type { Instance } from '../../src/flow/Instance.js';
import { solveRun, solveRunPair } from '../../src/flow/Run.js';
import { quadraticModel } from '../../src/models/quadratic.js';
import { scalarModel } from '../../src/models/scalar.js';
import { exactDecimal } from '../../src/precise/exactDecimal.js';
import { preciseReferenceRun } from '../../src/statements/preciseReferenceRun.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';
import { flowQuantities, type FlowQuantities } from '../../src/statements/flowQuantities.js';
import { thm12 } from '../../src/statements/defs/thm-1.2.js';
import type { Measured, Reading, Statement } from '../../src/statements/Statement.js';

/** A scalar instance whose rtol 1e-3 solve overestimates E (relative error ~7e-6; the rtol 1e-5 one ~2e-11). */
const instance: Instance = { model: scalarModel({ a: 0.5, b: -1.5, w0: 0.3 }), yStar: Float64Array.of(1.2), alpha: 0.7, T: 5 };
const loose = solveRun(instance, { rtol: 1e-3, estimateError: false });
const truth = preciseReferenceRun(loose)!;

/** The reading E(T) <= threshold (on the flow quantities). */
const below = (threshold: number): Reading<FlowQuantities> => ({
  name: 'threshold',
  formula: `E(T) <= ${threshold}`,
  expected: 'holds',
  bound: (q) => ({ lhs: q.E, rhs: threshold, scale: q.r0 }),
});

/** A measurement as a flow statement builds it: primary and tight runs, and the decimal reference on demand. */
function measured(primary: typeof loose, tight: typeof loose, withReference: boolean): Measured<FlowQuantities> {
  const reference = () => flowQuantities(preciseReferenceRun(tight)!);
  return { primary: flowQuantities(primary), tight: flowQuantities(tight), tightAccuracy: 1e-10, ...(withReference && { reference }) };
}

describe('certification against the decimal.js closed form (scalar flows)', () => {
  const between = 0.5 * (loose.E + truth.E);

  it('the loose solve fakes a violation of a bound between it and the true E', () => {
    expect(loose.E).toBeGreaterThan(truth.E * (1 + 1e-6));
    expect(loose.E).toBeGreaterThan(between);
    expect(truth.E).toBeLessThan(between);
  });

  it('a fooled pair (the re-solve repeats the loose answer) certifies the fake without the reference, and not with it', () => {
    const without = judge('<=', below(between), measured(loose, loose, false));
    expect(without).toMatchObject({ status: 'violation', certified: true });
    const withRef = judge('<=', below(between), measured(loose, loose, true));
    expect(withRef).toMatchObject({ status: 'violation', certified: false });
    if (withRef.status === 'violation') expect(withRef.uncertainty).toBeGreaterThanOrEqual(loose.E - truth.E - 1e-15);
  });

  it('the real pair (rtol 1e-3, re-solved at 1e-5) rejects the fake as well: its tight run passes', () => {
    const pair = solveRunPair(instance, { rtol: 1e-3 });
    expect(pair.primary.E).toBeGreaterThan(between);
    expect(judge('<=', below(between), measured(pair.primary, pair.tight, true)).status).toBe('pass');
  });

  it('a genuine violation, larger than the float-vs-decimal difference, stays certified', () => {
    const outcome = judge('<=', below(truth.E * (1 - 1e-3)), measured(loose, loose, true));
    expect(outcome).toMatchObject({ status: 'violation', certified: true });
  });

  it('near-equality passes (ratio > 0.99) are re-checked: confirmed beyond the uncertainty, or not', () => {
    const pair = solveRunPair(instance, { rtol: 1e-8 });
    const clear = judge('<=', below(truth.E * 1.001), measured(pair.primary, pair.tight, true));
    expect(clear).toMatchObject({ status: 'pass', nearEquality: { confirmed: true } });
    const razor = judge('<=', below(truth.E * (1 + 1e-13)), measured(pair.primary, pair.tight, true));
    expect(razor).toMatchObject({ status: 'pass', nearEquality: { confirmed: false } });
    expect(judge('<=', below(truth.E * 2), measured(pair.primary, pair.tight, true))).not.toHaveProperty('nearEquality');
  });

  it('checkReading counts and records near-equality passes', () => {
    const c: FlowCase = { instance, family: 'scalar', direction: 'random' };
    const statement: Statement<FlowCase, FlowQuantities> = { ...thm12, id: 'test.near', arbitrary: () => fc.constant(c) };
    const tight = thm12.measure(c).tight;
    const result = checkReading(statement, below(tight.E * (1 + 1e-13)), { runs: 3, seed: 1, shrinkEvaluations: 10, worstCases: false });
    expect(result).toMatchObject({ verdict: 'holds', nearEqualities: 3, unconfirmedPasses: 3 });
    expect(result.nearEqualityCases[0]).toMatchObject({ confirmed: false, case: thm12.describe(c) });
  });
});

describe('the decimal reference of a flow statement', () => {
  it('is offered for scalar models only, and agrees with the tight solve to its tolerance', () => {
    const m = thm12.measure({ instance, family: 'scalar', direction: 'random' });
    const reference = m.reference?.();
    expect(reference?.E).toBe(truth.E);
    expect(Math.abs(m.tight.E - truth.E)).toBeLessThan(1e-9 * Math.sqrt(2 * m.tight.R0));
    const quadratic: Instance = { model: quadraticModel({ h0: [0], G: [[1]], Q: [[[0.5]]], w0: [0] }), yStar: Float64Array.of(1), alpha: 1, T: 1 };
    expect(thm12.measure({ instance: quadratic, family: 'quadratic', direction: 'random' }).reference?.()).toBeUndefined();
  });

  it('reads the exact binary value of each double', () => {
    expect(new Decimal(exactDecimal(0.1)).equals('0.1000000000000000055511151231257827021181583404541015625')).toBe(true);
    expect(exactDecimal(-3)).toBe('-3');
    const D = Decimal.clone({ precision: 1000 });
    expect(new D(exactDecimal(2 ** -1074)).equals(new D(2).pow(-1074))).toBe(true);
    expect(() => exactDecimal(NaN)).toThrow(/exactDecimal\.x=NaN must be a finite number/);
  });
});
