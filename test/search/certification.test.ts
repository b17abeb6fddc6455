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

/** The second float method of the measurements below: the exponential 4(3) pair at rtol 1e-5. */
const secondRun = () => solveRun(instance, { rtol: 1e-5, method: 'exponential', estimateError: false });

/**
 * A measurement as a flow statement builds it: primary and tight runs, and on demand the decimal reference and a
 * second float method of another order (here the exponential 4(3) pair at rtol 1e-5).
 */
function measured(primary: typeof loose, tight: typeof loose, withReference: boolean, withSecond = false): Measured<FlowQuantities> {
  const reference = () => ({ measurement: flowQuantities(preciseReferenceRun(tight)!), method: 'decimal-closed-form', digits: 30, errorBound: 1e-29 });
  const second = () => flowQuantities(secondRun());
  return {
    primary: flowQuantities(primary),
    tight: flowQuantities(tight),
    tightAccuracy: 1e-10,
    ...(withReference && { reference }),
    ...(withSecond && { second }),
  };
}

describe('certification against the decimal.js closed form (scalar flows)', () => {
  const between = 0.5 * (loose.E + truth.E);

  it('the loose solve fakes a violation of a bound between it and the true E', () => {
    expect(loose.E).toBeGreaterThan(truth.E * (1 + 1e-6));
    expect(loose.E).toBeGreaterThan(between);
    expect(truth.E).toBeLessThan(between);
  });

  it('a fooled pair (the re-solve repeats the loose answer) certifies the fake on its own; a second method of another order exposes it, and the decimal reference calls it a pass', () => {
    const without = judge('<=', below(between), measured(loose, loose, false));
    expect(without).toMatchObject({ status: 'violation', certified: true, decidedBy: { method: 'float' } });
    const withSecond = judge('<=', below(between), measured(loose, loose, false, true));
    expect(withSecond).toMatchObject({ status: 'violation', certified: false });
    // its uncertainty |E_second - E_loose| covers the fake's error up to the second method's own (triangle inequality),
    // which is far smaller
    const secondError = Math.abs(secondRun().E - truth.E);
    expect(secondError).toBeLessThan(1e-3 * (loose.E - truth.E));
    if (withSecond.status === 'violation') expect(withSecond.uncertainty).toBeGreaterThanOrEqual(loose.E - truth.E - secondError - 1e-15);
    const withRef = judge('<=', below(between), measured(loose, loose, true, true));
    expect(withRef).toMatchObject({ status: 'pass', nearEquality: { confirmed: true, decidedBy: { method: 'decimal-closed-form', digits: 30 } } });
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

  it('near-equality passes (ratio > 0.99) are re-checked: by the floats when they decide, else by the reference; undecided without one', () => {
    const pair = solveRunPair(instance, { rtol: 1e-8 });
    const clear = judge('<=', below(truth.E * 1.001), measured(pair.primary, pair.tight, true));
    expect(clear).toMatchObject({ status: 'pass', nearEquality: { confirmed: true, decidedBy: { method: 'float' } } });
    // An equality within rounding of the operands (1e-13 E) is a pass, once the reference rules out a solve error.
    const razor = judge('<=', below(truth.E * (1 + 1e-13)), measured(pair.primary, pair.tight, true));
    expect(razor).toMatchObject({ status: 'pass', nearEquality: { confirmed: true, decidedBy: { method: 'decimal-closed-form' } } });
    const noReference = judge('<=', below(truth.E * (1 + 1e-13)), measured(pair.primary, pair.tight, false));
    expect(noReference).toMatchObject({ status: 'pass', nearEquality: { confirmed: false } });
    expect(judge('<=', below(truth.E * 2), measured(pair.primary, pair.tight, true))).not.toHaveProperty('nearEquality');
  });

  it('rounding noise of the operands is never a violation: a margin below 1e-12 of the operand scale is a pass', () => {
    const pair = solveRunPair(instance, { rtol: 1e-8 });
    const noise: Reading<FlowQuantities> = {
      name: 'noise',
      formula: 'E <= E_ref - 1e-14 r0',
      expected: 'holds',
      bound: (q) => ({ lhs: q.E, rhs: truth.E - 1e-14 * q.r0, scale: q.r0 }),
    };
    expect(judge('<=', noise, measured(pair.primary, pair.tight, true))).toMatchObject({ status: 'pass', nearEquality: { confirmed: true } });
  });

  it('checkReading counts undecided cases: the verdict is undecided, and the worst ratio is marked', () => {
    const c: FlowCase = { instance, family: 'scalar', direction: 'random' };
    const tight = thm12.measure(c).tight;
    const razor = below(tight.E * (1 + 1e-13));
    const decided = checkReading({ ...thm12, id: 'test.near', arbitrary: () => fc.constant(c) }, razor, {
      runs: 3,
      seed: 1,
      shrinkEvaluations: 10,
      worstCases: false,
    });
    expect(decided).toMatchObject({ verdict: 'holds', nearEqualities: 3, unconfirmedPasses: 0, undecided: 0 });
    const floatsOnly: Statement<FlowCase, FlowQuantities> = {
      ...thm12,
      id: 'test.floats',
      arbitrary: () => fc.constant(c),
      measure: (x) => ({ ...thm12.measure(x), reference: undefined, second: undefined }),
    };
    const result = checkReading(floatsOnly, razor, { runs: 3, seed: 1, shrinkEvaluations: 10, worstCases: false });
    expect(result).toMatchObject({ verdict: 'undecided', nearEqualities: 3, unconfirmedPasses: 3, undecided: 3, worstUndecided: true });
    expect(result.nearEqualityCases[0]).toMatchObject({ confirmed: false, case: thm12.describe(c) });
  });
});

describe('the decimal reference of a flow statement', () => {
  it('is the closed form for scalar models and the Taylor solve for quadratic ones, and agrees with the tight solve to its tolerance', () => {
    const m = thm12.measure({ instance, family: 'scalar', direction: 'random' });
    const reference = m.reference?.();
    expect(reference).toMatchObject({ method: 'decimal-closed-form', digits: 30 });
    expect(reference?.measurement.E).toBe(truth.E);
    expect(Math.abs(m.tight.E - truth.E)).toBeLessThan(1e-9 * Math.sqrt(2 * m.tight.R0));
    const quadratic: Instance = { model: quadraticModel({ h0: [0], G: [[1]], Q: [[[0.5]]], w0: [0] }), yStar: Float64Array.of(1), alpha: 1, T: 1 };
    const q = thm12.measure({ instance: quadratic, family: 'quadratic', direction: 'random' });
    const taylor = q.reference?.();
    expect(taylor).toMatchObject({ method: 'decimal-taylor', digits: 30 });
    expect(taylor!.errorBound).toBeLessThan(1e-18);
    expect(Math.abs(q.tight.E - taylor!.measurement.E)).toBeLessThan(1e-9 * q.tight.r0);
    expect(Math.abs(taylor!.companion!.E - taylor!.measurement.E)).toBeLessThanOrEqual(1e-16 * q.tight.r0);
  });

  it('reads the exact binary value of each double', () => {
    expect(new Decimal(exactDecimal(0.1)).equals('0.1000000000000000055511151231257827021181583404541015625')).toBe(true);
    expect(exactDecimal(-3)).toBe('-3');
    const D = Decimal.clone({ precision: 1000 });
    expect(new D(exactDecimal(2 ** -1074)).equals(new D(2).pow(-1074))).toBe(true);
    expect(() => exactDecimal(NaN)).toThrow(/exactDecimal\.x=NaN must be a finite number/);
  });
});
