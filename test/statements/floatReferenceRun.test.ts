import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recheck } from '../../src/check/judge.js';
import { parseInstance } from '../../src/flow/parseInstance.js';
import { solveRunPair } from '../../src/flow/Run.js';
import { eq15 } from '../../src/statements/defs/eq-15.js';
import { FLOAT_COMPANION_RTOL, FLOAT_REFERENCE_RTOL, floatReferenceRun } from '../../src/statements/floatReferenceRun.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';

const meanField = parseInstance(JSON.parse(readFileSync(new URL('../../examples/instances/mean-field.json', import.meta.url), 'utf8')));

describe('floatReferenceRun: the reference of a model without a decimal one', () => {
  it('re-solves with DOP853 at its tolerance, and agrees with the tight solve to within the tight tolerance', () => {
    const { tight } = solveRunPair(meanField);
    const reference = floatReferenceRun(tight.instance, FLOAT_REFERENCE_RTOL);
    const companion = floatReferenceRun(tight.instance, FLOAT_COMPANION_RTOL);
    expect(reference?.nonlinear.tableau).toBe('dop853');
    expect(reference?.nonlinear.rtol).toBe(FLOAT_REFERENCE_RTOL);
    // eq. (1)'s E at the three tolerances: the reference and its companion agree far more closely than either
    // agrees with the 1e-10 tight solve (the companion distance is the reference's uncertainty).
    const gapCompanion = Math.abs((reference?.E ?? NaN) - (companion?.E ?? NaN));
    const gapTight = Math.abs((reference?.E ?? NaN) - tight.E);
    expect(gapCompanion).toBeLessThan(1e-9 * tight.E);
    expect(gapTight).toBeLessThan(1e-7 * tight.E);
  });

  it('is what the judge consults for a mean-field case it is asked to settle (method float-dop853-gap)', () => {
    const c: FlowCase = { instance: meanField, family: 'meanField', direction: 'random' };
    const r = recheck(eq15.relation, eq15.readings[0]!, eq15.measure(c), 'final');
    expect(r.decidedBy.method).toBe('float-dop853-gap');
    expect(r.verdict).toBe('pass');
  });
});
