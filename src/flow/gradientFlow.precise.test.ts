/**
 * gradientFlow's errorEstimate against the TRUE error: the decimal closed form of the scalar model and the 30-digit
 * Taylor reference of small quadratic models, over random instances, rtol 1e-6 .. 1e-10, on both paths.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { afterAll, describe, expect } from 'vitest';
import { logUniform } from '../../arbitraries/logUniform.js';
import { norm2 } from '../linalg/dense.js';
import { quadraticModel } from '../models/quadratic.js';
import { scalarModel } from '../models/scalar.js';
import { decimalToNumber } from '../precise/decimalToNumber.js';
import { exactDecimal } from '../precise/exactDecimal.js';
import { PreciseScalarFlow } from '../precise/PreciseScalarFlow.js';
import { TaylorQuadraticFlow } from '../precise/taylorQuadraticFlow.js';
import { median } from '../validate/median.js';
import { gradientFlow, type GradientFlowResult } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { linearizedFlow } from './linearizedFlow.js';

/** A number of either sign with magnitude log-uniform in [min, max]; `signed` also draws 0. */
const nonzero = (min: number, max: number) => fc.tuple(fc.constantFrom(-1, 1), logUniform(min, max)).map(([s, x]) => s * x);
const signed = (min: number, max: number) => fc.oneof(fc.constant(0), nonzero(min, max));

/** General scalar instances h(w) = a w + b w^2/2 (any signs), with moderate dimensionless horizon and curvature. */
const scalarCaseOf = (value: typeof signed) =>
  fc.record({ a: value(1e-3, 2), b: value(1e-3, 2), w0: value(1e-3, 1), yStar: value(1e-3, 3), alpha: logUniform(0.1, 10), T: logUniform(1e-3, 5) });
const scalarCase = scalarCaseOf(signed);
/** The same with no zero coefficient: a flow that moves and bends (r(0) = 0 or h linear make the estimate trivial). */
const movingScalarCase = scalarCaseOf(nonzero);

describe('double-precision gradientFlow against the decimal.js closed form (general scalar model)', () => {
  test.prop([scalarCase], { numRuns: 60 })('|E_float - E_exact| <= the error estimate (rtol 1e-7) + rounding', (c) => {
    const model = scalarModel({ a: c.a, b: c.b, w0: c.w0 });
    const instance = { model, yStar: Float64Array.of(c.yStar), alpha: c.alpha, T: c.T };
    const flow = gradientFlow(instance, { rtol: 1e-7 });
    const rbar = linearizedFlow(instance).residual(c.T);
    const E = Math.abs((flow.rT[0] as number) - (rbar[0] as number));
    const exact = decimalToNumber(new PreciseScalarFlow({ a: c.a, b: c.b, w0: c.w0, yStar: c.yStar, alpha: c.alpha }, { digits: 30 }).E(c.T));
    const r0 = Math.abs(c.yStar - c.alpha * (c.a * c.w0 + (c.b * c.w0 ** 2) / 2));
    expect(Math.abs(E - exact)).toBeLessThanOrEqual(flow.errorEstimate + 64 * Number.EPSILON * (r0 + 1));
  });
});

const settings = fc.record({
  rtol: fc.constantFrom(1e-6, 1e-7, 1e-8, 1e-9, 1e-10),
  method: fc.constantFrom('explicit' as const, 'exponential' as const),
});

/** ||r_float - r_exact|| evaluated in decimal (r_float read exactly), rounded once to a double. */
const trueError = (rT: Float64Array, exact: readonly Decimal[]): number =>
  exact
    .reduce((sum, x, k) => sum.plus(new Decimal(exactDecimal(rT[k] as number)).minus(x).pow(2)), new Decimal(0))
    .sqrt()
    .toNumber();

/**
 * Rounding of r = y* - alpha h(w(T)) itself, which no solve controls: a few ulps of its operands (the judge's operand
 * scale), an ulp being at least Number.MIN_VALUE (the spacing of subnormals). It is not part of the estimate, whose
 * floor covers rounding relative to ||r(0)||.
 */
const residualRounding = (instance: Instance, flow: GradientFlowResult): number =>
  4 * (Number.EPSILON * (norm2(instance.yStar) + instance.alpha * norm2(instance.model.value(flow.wT))) + Number.MIN_VALUE);

/** Without dense output 'auto' takes Verner's 6(5) pair at these rtols (VERN6_MAX_RTOL): the same rule must hold for it. */
const vern6 = fc.record({ rtol: fc.constantFrom(1e-6, 1e-7, 1e-8, 1e-9, 1e-10), method: fc.constant('explicit' as const), dense: fc.constant(false) });

/** Measured true error / estimate per family (logged at the end). */
const ratios: Record<string, number[]> = { scalar: [], quadratic: [], 'scalar, vern6': [], 'quadratic, vern6': [] };
afterAll(() => {
  for (const [family, xs] of Object.entries(ratios))
    if (xs.length > 0)
      console.log(
        `errorEstimate (${family}): true error / estimate max ${Math.max(...xs).toPrecision(3)}, median ${median(xs).toPrecision(3)}, ${xs.length} solves`,
      );
});

/** Check the estimate on one instance with the exact r(T), recording the ratio. */
function checkEstimate(
  family: string,
  instance: Instance,
  exact: readonly Decimal[],
  s: { rtol: number; method: 'explicit' | 'exponential'; dense?: boolean },
): void {
  const flow = gradientFlow(instance, s);
  const error = trueError(flow.rT, exact);
  if (flow.errorEstimate > 0) ratios[family]?.push(error / flow.errorEstimate); // 0 only where r(0) = 0: nothing moves
  expect(error).toBeLessThanOrEqual(flow.errorEstimate + residualRounding(instance, flow));
}

/** A scalar case's instance and its exact r(T) (the closed form at 30 digits, from the doubles read exactly). */
function scalarExact(c: { a: number; b: number; w0: number; yStar: number; alpha: number; T: number }): { instance: Instance; exact: Decimal[] } {
  const instance: Instance = { model: scalarModel({ a: c.a, b: c.b, w0: c.w0 }), yStar: Float64Array.of(c.yStar), alpha: c.alpha, T: c.T };
  const ex = exactDecimal;
  return {
    instance,
    exact: [new PreciseScalarFlow({ a: ex(c.a), b: ex(c.b), w0: ex(c.w0), yStar: ex(c.yStar), alpha: ex(c.alpha) }, { digits: 30 }).at(ex(c.T)).r],
  };
}

/** Entries on a grid of 1e-3 in [-max, max] (no subnormal operands: their rounding is below any relative floor). */
const entries = (length: number, max: number) =>
  fc.array(
    fc.integer({ min: -1000 * max, max: 1000 * max }).map((k) => k / 1000),
    { minLength: length, maxLength: length },
  );

/** A small quadratic model, n x p in {1, 2} x {2, 3}, entries in [-1, 1], with its flow's horizon and scale. */
const quadraticCase = fc.record({ n: fc.integer({ min: 1, max: 2 }), p: fc.integer({ min: 2, max: 3 }) }).chain(({ n, p }) =>
  fc.record({
    n: fc.constant(n),
    p: fc.constant(p),
    h0: entries(n, 1),
    G: entries(n * p, 1),
    Qtri: entries(n * p * p, 1),
    yStar: entries(n, 2),
    alpha: logUniform(0.3, 10),
    T: logUniform(0.05, 4),
  }),
);

/** One drawn quadratic case. */
type QuadraticCase = typeof quadraticCase extends fc.Arbitrary<infer C> ? C : never;

/** Q_k symmetric from the lower triangle of the drawn entries (n x p x p, row-major). */
const symmetricQ = (c: { n: number; p: number; Qtri: number[] }): number[] => {
  const { n, p, Qtri } = c;
  const Q = new Array<number>(n * p * p).fill(0);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        const v = Qtri[(k * p + i) * p + j] as number;
        Q[(k * p + i) * p + j] = v;
        Q[(k * p + j) * p + i] = v;
      }
  return Q;
};

/** A quadratic case's instance and its exact r(T) (the Taylor series at 30 digits, from the doubles read exactly). */
function quadraticExact(c: QuadraticCase): [Instance, readonly Decimal[]] {
  const { n, p } = c;
  const Q = symmetricQ(c);
  const rows = (flat: readonly number[], width: number) => Array.from({ length: flat.length / width }, (_, i) => flat.slice(i * width, (i + 1) * width));
  const model = quadraticModel({ h0: c.h0, G: rows(c.G, p), Q: rows(Q, p * p).map((Qk) => rows(Qk, p)), w0: new Array<number>(p).fill(0) });
  const instance: Instance = { model, yStar: Float64Array.from(c.yStar), alpha: c.alpha, T: c.T };
  const ex = (xs: readonly number[]) => xs.map(exactDecimal);
  const taylor = new TaylorQuadraticFlow({ n, p, h0: ex(c.h0), G: ex(c.G), Q: ex(Q), yStar: ex(c.yStar), alpha: exactDecimal(c.alpha) }, exactDecimal(c.T));
  return [instance, taylor.at(exactDecimal(c.T)).r];
}

describe('errorEstimate bounds the true error of r(T)', () => {
  test.prop([movingScalarCase, settings], { numRuns: 80 })('scalar model: ||r(T) - r*(T)|| <= errorEstimate (closed form at 30 digits)', (c, s) => {
    const { instance, exact } = scalarExact(c);
    checkEstimate('scalar', instance, exact, s);
  });

  test.prop([quadraticCase, settings], { numRuns: 30 })('quadratic model: ||r(T) - r*(T)|| <= errorEstimate (Taylor series at 30 digits)', (c, s) => {
    checkEstimate('quadratic', ...quadraticExact(c), s);
  });

  test.prop([quadraticCase, vern6], { numRuns: 12 })('quadratic model, vern6: ||r(T) - r*(T)|| <= errorEstimate (Taylor series at 30 digits)', (c, s) => {
    checkEstimate('quadratic, vern6', ...quadraticExact(c), s);
  });

  test.prop([movingScalarCase, vern6], { numRuns: 40 })('scalar model, vern6: ||r(T) - r*(T)|| <= errorEstimate (closed form at 30 digits)', (c, s) => {
    const { instance, exact } = scalarExact(c);
    expect(gradientFlow(instance, { ...s, estimateError: false }).tableau).toBe('vern6');
    checkEstimate('scalar, vern6', instance, exact, s);
  });

  test('sanity mutant: the bare distance ||r(T) - r_tight(T)|| (no 1 / (1 - q), no floor) is refuted by the same scalar cases', () => {
    const refuted = fc.check(
      fc.property(movingScalarCase, settings, (c, s) => {
        const { instance, exact } = scalarExact(c);
        const flow = gradientFlow(instance, s);
        const bare = Math.abs((flow.rT[0] as number) - (flow.tighter?.rT[0] as number));
        return trueError(flow.rT, exact) <= bare + residualRounding(instance, flow);
      }),
      { numRuns: 80 },
    );
    expect(refuted.failed).toBe(true);
  });
});
