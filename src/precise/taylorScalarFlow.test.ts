import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { agreeingDigits } from './agreeingDigits.js';
import { PreciseScalarFlow, type ScalarFlowParams } from './PreciseScalarFlow.js';
import { taylorScalarFlow } from './taylorScalarFlow.js';
import { MPMATH_GENERAL } from './_testing/references.js';

const H = Decimal.clone({ precision: 200 });

/** The converse model with R0 = 1, alpha = 1, T = 1 as general parameters: kappa = lip. */
const converse = (lip: string): ScalarFlowParams => ({ a: 1, b: lip, w0: 0, yStar: H.sqrt(2), alpha: 1 });

/**
 * The Taylor integrator (60 digits) against the closed form (70 digits): w(T) to >= 45 digits, and
 * E = |alpha h(w(T)) - vbar(T)| to >= 45 digits minus those lost forming the difference (log10(|v| / E)).
 */
function expectAgreement(params: ScalarFlowParams, T: number): number {
  const state = new PreciseScalarFlow(params, { digits: 70 }).at(T);
  const run = taylorScalarFlow(params, T);
  expect(agreeingDigits(run.w, state.w)).toBeGreaterThanOrEqual(55);
  const E = run.v.minus(state.vbar).abs();
  const lost = Math.max(0, Math.log10(state.v.abs().div(state.E).toNumber()));
  expect(agreeingDigits(E, state.E) + lost).toBeGreaterThanOrEqual(55);
  expect(agreeingDigits(E, state.E)).toBeGreaterThanOrEqual(45);
  return run.steps;
}

describe('taylorScalarFlow: an independent 60-digit check of the closed form', () => {
  test('converse, kappa = 1e-8 (small): >= 45 digits of w(T) and of E(T) ~ 1e-8', () => {
    expectAgreement(converse('1e-8'), 1);
  });

  test('converse, kappa = 1: >= 45 digits', () => {
    expectAgreement(converse('1'), 1);
  });

  test('converse, kappa = 10 (large: E within 1e-11 of its limit sqrt(2/e^2)): >= 45 digits', () => {
    expect(expectAgreement(converse('10'), 1)).toBeGreaterThan(10);
  });

  for (const name of ['targetNegative', 'unreachable'] as const) {
    test(`general flow, ${name}: >= 45 digits`, () => {
      const ref = MPMATH_GENERAL[name];
      expectAgreement(ref, Number(ref.t));
    });
  }

  test('a fixed point stays put in one pass; bad input and a step budget are reported', () => {
    const still = taylorScalarFlow({ a: 1, b: 2, w0: -0.5, yStar: 3, alpha: 1 }, 5);
    expect([still.w.toString(), still.steps]).toEqual(['-0.5', 0]);
    expect(() => taylorScalarFlow(converse('1'), -1)).toThrow(NtkInputError);
    expect(() => taylorScalarFlow(converse('1'), 1, { digits: 5 })).toThrow('digits=5 must be an integer in [10, 200]');
    expect(() => taylorScalarFlow(converse('10'), 1, { digits: 10, maxSteps: 2 })).toThrow(NtkSolveError);
  });
});

describe('taylorScalarFlow: input contract', () => {
  test('each parameter is validated by name; alpha must be > 0', () => {
    const ok: ScalarFlowParams = { a: 1, b: 1, w0: 0, yStar: 1, alpha: 1 };
    expect(() => taylorScalarFlow({ ...ok, a: 'x' }, 1)).toThrow('a="x" must be a finite number');
    expect(() => taylorScalarFlow({ ...ok, b: Number.NaN }, 1)).toThrow('b=NaN must be a finite number');
    expect(() => taylorScalarFlow({ ...ok, yStar: 'y' }, 1)).toThrow('yStar="y" must be a finite number');
    expect(() => taylorScalarFlow({ ...ok, alpha: 0 }, 1)).toThrow('alpha=0 must be a finite number > 0');
    expect(() => taylorScalarFlow({ ...ok, w0: Infinity }, 1)).toThrow('w0=Infinity must be a finite number');
    expect(() => taylorScalarFlow(ok, -1)).toThrow('T=-1 must be a finite number >= 0');
    expect(() => taylorScalarFlow(ok, 1, { maxSteps: 0 })).toThrow('maxSteps=0 must be an integer in [1, 1000000000]');
  });

  test('an exhausted step budget is an NtkSolveError with its reason, time and step count', () => {
    let error: unknown;
    try {
      taylorScalarFlow(converse('10'), 1, { digits: 10, maxSteps: 2 });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(NtkSolveError);
    const e = error as NtkSolveError;
    expect([e.reason, e.steps]).toEqual(['step-budget', 2]);
    expect(e.t > 0 && e.t < 1).toBe(true);
    expect(e.message).toContain('2 Taylor steps');
  });
});
