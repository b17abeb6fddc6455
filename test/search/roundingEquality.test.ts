import { describe, expect, it } from 'vitest';
import { parseInstance } from '../../src/flow/parseInstance.js';
import { certifyCase } from '../../src/search/certifyCase.js';
import { isFinding } from '../../src/search/searchReport.js';
import { eq16Weights } from '../../src/statements/defs/eq-16.weights.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';

/**
 * The case the Nelder-Mead search of eq-16.weights reached (seed 20231129): a scalar flow whose first sample moves
 * w by 1e-13 from w0 = 0.5, so ||w(t) - w0|| is a difference of operands of size 0.5 and carries their rounding
 * (ulp(0.5) = 1.1e-16, 1e-3 of the distance). The bound is attained with equality at t -> 0, and the measured
 * distance exceeds it by 5.2e-17: rounding, not a violation.
 */
const c: FlowCase = {
  family: 'scalar',
  direction: 'top',
  instance: parseInstance({
    model: { kind: 'scalar', a: 1.7309128694893916, b: -3.479820931621559 },
    w0: [0.5004269638469969],
    yStar: [3840.3080263970737],
    alpha: 8921.097253271322,
    T: 2102.7198869636036,
  }),
};

describe('an equality within the rounding of its operands is a pass, for the search as for the check', () => {
  it('eq-16.weights takes its scale from the operands w(t) and w0, so the 5e-17 excess is within rounding', () => {
    const restored = eq16Weights.readings[0]!;
    const certification = certifyCase(eq16Weights, restored, c);
    expect(certification.ratio).toBeGreaterThan(1); // the measured distance does exceed the bound, by rounding
    expect(certification.verdict).toBe('pass');
    expect(certification.certified).toBe(true);
  });

  it('a positive margin the judge calls a pass is no finding of the search', () => {
    const restored = eq16Weights.readings[0]!;
    const certification = certifyCase(eq16Weights, restored, c);
    expect(isFinding({ expected: 'holds', certification } as Parameters<typeof isFinding>[0])).toBe(false);
  });
});
