/**
 * The library entry points as a user sees them: every statement of the registry is also a named export with its own
 * case and measurement types (checked by the compiler through expectTypeOf), and ntk-check/arbitraries has the
 * generators of every kind of case.
 */
import type fc from 'fast-check';
import { expect, expectTypeOf, test } from 'vitest';
import * as arbitraries from '../../arbitraries/index.js';
import * as ntk from '../../src/index.js';
import type { FlowCase, FlowQuantities, Measured } from '../../src/index.js';

test('every registry statement is a named export of the entry point, and nothing else is a statement', () => {
  const named = Object.values(ntk).filter((value) => ntk.registry.includes(value as ntk.AnyStatement));
  expect(named).toHaveLength(ntk.registry.length);
  expect(ntk.findStatement('thm-1.2')).toBe(ntk.thm12);
});

test('a named statement keeps its types: generator, measurement, readings', () => {
  expectTypeOf(ntk.thm12.arbitrary()).toEqualTypeOf<fc.Arbitrary<FlowCase>>();
  expectTypeOf(ntk.thm12.measure).returns.toEqualTypeOf<Measured<FlowQuantities>>();
  expectTypeOf(ntk.checkReading<FlowCase, FlowQuantities>)
    .parameter(0)
    .toEqualTypeOf<ntk.Statement<FlowCase, FlowQuantities>>();
  expectTypeOf(arbitraries.instanceArb()).toEqualTypeOf<fc.Arbitrary<FlowCase>>();
});

test('ntk-check/arbitraries exports a generator for every kind of case the statements take', () => {
  for (const name of [
    'instanceArb',
    'meanFieldFlowCaseArb',
    'converseCaseArb',
    'matrixCaseArb',
    'meanFieldPairArb',
    'widthLadderArb',
    'quadraticModelArb',
    'meanFieldModelArb',
    'scalarModelArb',
  ]) {
    expect(typeof (arbitraries as Record<string, unknown>)[name], name).toBe('function');
  }
});
