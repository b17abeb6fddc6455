/**
 * Every reading's bound, evaluated by hand on crafted measurements: the constants of docs/theory.md and the active
 * branch of each min (the property files check the same formulas against solved flows, much more slowly).
 */
import { describe, expect, test } from 'vitest';
import { eq14 } from '../../src/statements/defs/eq-14.js';
import { eq15 } from '../../src/statements/defs/eq-15.js';
import { eq16Weights } from '../../src/statements/defs/eq-16.weights.js';
import { eq19 } from '../../src/statements/defs/eq-19.js';
import { eq25 } from '../../src/statements/defs/eq-25.js';
import { eq26 } from '../../src/statements/defs/eq-26.js';
import { eq27 } from '../../src/statements/defs/eq-27.js';
import { flowEnergy } from '../../src/statements/defs/flow.energy.js';
import { flowResidual } from '../../src/statements/defs/flow.residual.js';
import { lemma33 } from '../../src/statements/defs/lemma-3.3.js';
import { prop11 } from '../../src/statements/defs/prop-1.1.js';
import { prop31, prop31WeightBound } from '../../src/statements/defs/prop-3.1.js';
import { thm12, thm12Bound } from '../../src/statements/defs/thm-1.2.js';
import { branchKeys } from '../../src/statements/branchKeys.js';
import { thm13 } from '../../src/statements/defs/thm-1.3.js';
import { thm32 } from '../../src/statements/defs/thm-3.2.js';
import type { FlowQuantities } from '../../src/statements/flowQuantities.js';
import type { FrozenKernelQuantities } from '../../src/statements/frozenKernel.js';
import type { Bound, Reading } from '../../src/statements/Statement.js';
import { FLOW } from './fixtures.js';

/** The reading (or the sanity mutant) of that name. */
function reading<M>(statement: { readonly readings: readonly Reading<M>[]; readonly mutant: Reading<M> }, name: string): Reading<M> {
  const found = [...statement.readings, statement.mutant].find((r) => r.name === name);
  if (found === undefined) throw new Error(`no reading ${name}`);
  return found;
}

/** Bound with rhs compared to 14 digits (the sides are products of a few roundings). */
function expectBound(actual: Bound, expected: Bound): void {
  expect(actual.lhs).toBe(expected.lhs);
  expect(actual.rhs).toBeCloseTo(expected.rhs, 12);
  expect(Math.abs(actual.rhs - expected.rhs)).toBeLessThanOrEqual(1e-14 * Math.abs(expected.rhs));
  expect(actual.branch).toBe(expected.branch);
  expect(actual.scale).toBe(expected.scale);
}

const flow = (overrides: Partial<FlowQuantities>): FlowQuantities => ({ ...FLOW, ...overrides });
const frozen = (overrides: Partial<FrozenKernelQuantities>): FrozenKernelQuantities => ({
  ...FLOW,
  jacobianChange: 0.9,
  jacobianScale: 0.5,
  frozenGap: 0.6,
  ...overrides,
});

describe('thm-1.2: E <= min(6 kappa sqrt(R0), sqrt(8 R0))', () => {
  test('restored: the kappa branch below kappa = sqrt(2)/3, the saturated one above', () => {
    expectBound(reading(thm12, 'restored').bound(flow({ kappa: 0.25, R0: 4 })), { lhs: 0.5, rhs: 3, branch: 'kappa', scale: 7 });
    expectBound(reading(thm12, 'restored').bound(flow({ kappa: 2, R0: 4 })), { lhs: 0.5, rhs: Math.sqrt(32), branch: 'saturated', scale: 7 });
    expect(thm12Bound(0.25, 4)).toEqual({ value: 3, branch: 'kappa' });
    expect(thm12Bound(2, 4).branch).toBe('saturated');
    expect(thm12Bound(2, 4).value).toBeCloseTo(Math.sqrt(32), 14);
  });

  test('the kappa branch is split by shape (n = 1 / n > 1), kept under kappa and kappa:SPLIT; the saturated one is not', () => {
    const restored = reading(thm12, 'restored');
    expect(restored.bound(flow({ kappa: 0.25, R0: 4, n: 1 })).split).toBe('n=1');
    expect(branchKeys(restored.bound(flow({ kappa: 0.25, R0: 4, n: 3 })))).toEqual(['kappa', 'kappa:n>1']);
    expect(branchKeys(restored.bound(flow({ kappa: 2, R0: 4, n: 3 })))).toEqual(['saturated']);
    expect(restored.constants?.map((c) => c.branch)).toEqual(['kappa', 'kappa:n=1', 'kappa:n>1', 'saturated']);
  });

  test('literal: saturation 8 R0; mutant: kappa squared', () => {
    expectBound(reading(thm12, 'literal').bound(flow({ kappa: 2, R0: 4 })), { lhs: 0.5, rhs: 24, branch: 'kappa', scale: 7 });
    expectBound(reading(thm12, 'literal').bound(flow({ kappa: 5, R0: 0.25 })), { lhs: 0.5, rhs: 2, branch: 'saturated', scale: 7 });
    expectBound(reading(thm12, 'mutant').bound(flow({ kappa: 0.25, R0: 4 })), { lhs: 0.5, rhs: 0.75, branch: 'kappa', scale: 7 });
  });
});

describe("thm-3.2: ||r'(T) - rbar(T)|| <= min(3 kappa sqrt(R0), sqrt(8 R0))", () => {
  test('restored, literal and the 30x smaller mutant', () => {
    expectBound(reading(thm32, 'restored').bound(frozen({ kappa: 0.25, R0: 4 })), { lhs: 0.6, rhs: 1.5, branch: 'kappa', scale: 7 });
    expectBound(reading(thm32, 'restored').bound(frozen({ kappa: 2, R0: 4 })), { lhs: 0.6, rhs: Math.sqrt(32), branch: 'saturated', scale: 7 });
    expectBound(reading(thm32, 'literal').bound(frozen({ kappa: 2, R0: 4 })), { lhs: 0.6, rhs: 12, branch: 'kappa', scale: 7 });
    expectBound(reading(thm32, 'literal').bound(frozen({ kappa: 5, R0: 0.25 })), { lhs: 0.6, rhs: 2, branch: 'saturated', scale: 7 });
    expectBound(reading(thm32, 'mutant').bound(frozen({ kappa: 2, R0: 4 })), { lhs: 0.6, rhs: 0.4, branch: 'kappa', scale: 7 });
  });
});

describe("eq-27: ||r'(T) - rbar(T)|| <= 2 kappa ||r(0)||", () => {
  test('restored and the kappa^2 mutant', () => {
    expectBound(reading(eq27, 'restored').bound(frozen({ kappa: 0.5, r0: 3 })), { lhs: 0.6, rhs: 3, scale: 7 });
    expectBound(reading(eq27, 'mutant').bound(frozen({ kappa: 0.5, r0: 3 })), { lhs: 0.6, rhs: 1.5, scale: 7 });
  });
});

describe('eq-19: E <= c T^(3/2) Lip(h) Lip(Dh) R0 / alpha', () => {
  // T^(3/2) = 8, Lip(h) Lip(Dh) R0 / alpha = 2 * 3 * 5 / 10 = 3.
  const q = flow({ E: 1, T: 4, lipH: 2, lipDh: 3, R0: 5, alpha: 10 });
  test('restored 4 sqrt(2) / 3, literal 4 / 3, mutant with T^2', () => {
    expectBound(reading(eq19, 'restored').bound(q), { lhs: 1, rhs: 32 * Math.SQRT2, scale: 7 });
    expectBound(reading(eq19, 'literal').bound(q), { lhs: 1, rhs: 32, scale: 7 });
    expectBound(reading(eq19, 'mutant').bound(q), { lhs: 1, rhs: 64 * Math.SQRT2, scale: 7 });
  });
});

describe('prop-3.1: ||w(T) - w0||, ||wbar(T) - w0|| <= sqrt(T R0) / alpha', () => {
  test('the worse of the two weight changes is the bound; the mutant halves the constant', () => {
    // sqrt(T R0) / alpha = sqrt(16) / 10 = 0.4.
    expect(prop31WeightBound(4, 4, 10)).toBeCloseTo(0.4, 15);
    expectBound(reading(prop31, 'restored').bound(flow({ weightChange: 0.3, linearWeightChange: 0.2 })), {
      lhs: 0.3,
      rhs: 0.4,
      branch: 'nonlinear',
      scale: 0.4,
    });
    expectBound(reading(prop31, 'restored').bound(flow({ weightChange: 0.1, linearWeightChange: 0.35 })), {
      lhs: 0.35,
      rhs: 0.4,
      branch: 'linearized',
      scale: 0.4,
    });
    expectBound(reading(prop31, 'mutant').bound(flow({ weightChange: 0.3, linearWeightChange: 0.2 })), { lhs: 0.3, rhs: 0.2, branch: 'nonlinear', scale: 0.4 });
  });
});

describe('eq-26: ||J(w(T)) - J0|| <= Lip(Dh) ||w(T) - w0|| <= Lip(Dh) sqrt(T R0) / alpha', () => {
  test('the tighter link is reported', () => {
    // Lip(Dh) ||w(T) - w0|| = 3 * 0.3 = 0.9; Lip(Dh) sqrt(T R0) / alpha = 1.2; scale Lip(Dh) rho = 1.2.
    expectBound(reading(eq26, 'restored').bound(frozen({ jacobianChange: 0.6 })), { lhs: 0.6, rhs: 0.9, branch: 'lipschitz', scale: 1.2000000000000002 });
    expectBound(reading(eq26, 'restored').bound(frozen({ jacobianChange: 0.6, weightChange: 0.5 })), {
      lhs: 0.6,
      rhs: 1.2,
      branch: 'prop-3.1',
      scale: 1.2000000000000002,
    });
    expectBound(reading(eq26, 'mutant').bound(frozen({ jacobianChange: 0.6 })), { lhs: 0.6, rhs: 0.3, branch: 'prop-3.1', scale: 1.2000000000000002 });
  });
});

describe('eq-16.weights: ||w(t) - w0|| <= t Lip(h) sqrt(c R0) / alpha at every sample', () => {
  const points = [
    { t: 1, distance: 0.1, lipH: 2, R0: 8, alpha: 4, scale: 0.5 }, // rhs sqrt(2 * 8) * 2 / 4 = 2 (restored)
    { t: 2, distance: 0.9, lipH: 2, R0: 8, alpha: 4, scale: 0.5 }, // rhs 4: the worst ratio
  ];
  test('restored c = 2, literal c = 1, mutant c = 1/2, at the worst sample', () => {
    expectBound(reading(eq16Weights, 'restored').bound(points), { lhs: 0.9, rhs: 4, scale: 0.5 });
    expectBound(reading(eq16Weights, 'literal').bound(points), { lhs: 0.9, rhs: 2 * Math.SQRT2, scale: 0.5 });
    expectBound(reading(eq16Weights, 'mutant').bound(points), { lhs: 0.9, rhs: 2, scale: 0.5 });
  });
});

describe('eq-14: D <= -c P written as D + c P + S <= S; the identity on finite differences', () => {
  const m = {
    points: [
      { derivative: -3, coupling: 1, scale: 10 },
      { derivative: -1, coupling: 0.75, scale: 10 }, // the worst point for every c > 0
    ],
    identity: () => [
      { difference: -2.5, rate: -3, tolerance: 1, identityScale: 100 }, // the worst for the identity: 0.5 / 1
      { difference: -1, rate: -1.2, tolerance: 0.5, identityScale: 100 },
    ],
  };
  test('c = 2 restored, 1 literal; S is the operand scale', () => {
    expectBound(reading(eq14, 'restored').bound(m), { lhs: 10.5, rhs: 10, scale: 10 });
    expectBound(reading(eq14, 'literal').bound(m), { lhs: 9.75, rhs: 10, scale: 10 });
  });
  test('identity: |difference - rate| <= tolerance at the worst point; the mutant flips the rate', () => {
    expectBound(reading(eq14, 'identity').bound(m), { lhs: 0.5, rhs: 1, scale: 100 });
    expectBound(reading(eq14, 'mutant').bound(m), { lhs: 5.5, rhs: 1, scale: 100 });
  });
});

describe('eq-15: d/dt ||e|| <= ||K_t - K0|| ||r|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0)', () => {
  // last link: 2 * 1 * 2 * 0.5 * sqrt(2 * 2) = 4 (restored), sqrt(2) * 2 literal, / 4 mutant.
  const point = { rate: 1.5, kernelTerm: 3, lipH: 1, lipDh: 2, distance: 0.5, R0: 2, scale: 6 };
  test('every link at every point; the tightest one is reported', () => {
    expectBound(reading(eq15, 'restored').bound([point]), { lhs: 3, rhs: 4, branch: 'middle', scale: 6 });
    expectBound(reading(eq15, 'restored').bound([{ ...point, kernelTerm: 1.6 }]), { lhs: 1.5, rhs: 1.6, branch: 'kernel', scale: 6 });
    expectBound(reading(eq15, 'restored').bound([{ ...point, kernelTerm: 5 }]), { lhs: 5, rhs: 4, branch: 'middle', scale: 6 });
    expectBound(reading(eq15, 'restored').bound([{ ...point, rate: 3.9, kernelTerm: 3.92 }]), { lhs: 3.9, rhs: 3.92, branch: 'kernel', scale: 6 });
    expectBound(reading(eq15, 'literal').bound([point]), { lhs: 1.5, rhs: 2 * Math.SQRT2, branch: 'lipschitz', scale: 6 });
    expectBound(reading(eq15, 'literal').bound([{ ...point, kernelTerm: 5 }]), { lhs: 1.5, rhs: 2 * Math.SQRT2, branch: 'lipschitz', scale: 6 });
    expectBound(reading(eq15, 'mutant').bound([point]), { lhs: 3, rhs: Math.SQRT2 / 2, branch: 'middle', scale: 6 });
    expectBound(reading(eq15, 'mutant').bound([{ ...point, kernelTerm: 1 }]), { lhs: 1.5, rhs: Math.SQRT2 / 2, branch: 'lipschitz', scale: 6 });
  });

  test('the middle link alone can fail the restored reading', () => {
    // ||K_t - K0|| ||r|| = 5 above 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0) = 4 while d/dt ||e|| = 1.5 sits below both.
    const b = reading(eq15, 'restored').bound([point, { ...point, kernelTerm: 5 }]);
    expect(b.branch).toBe('middle');
    expect(b.lhs).toBeGreaterThan(b.rhs);
  });
});

describe("prop-1.1: Chizat et al.'s bound on its own balls", () => {
  const m = {
    E: 0.2,
    T: 2,
    alpha: 4,
    R0: 9,
    trajectoryRadius: 0.1,
    rScale: 5,
    ballA: { rho: 1, lipH: 3, lipDh: 0.5 }, // kappa = 2 * 0.5 * 3 / 4 = 0.75
    ballB: { rho: 0.5, lipH: 2, lipDh: 0.25 },
  };
  test('(a) T Lip(h)^2 kappa sqrt(R0), literal with R0, mutant / 4; (b) T^2 Lip(h)^2 Lip(Dh) 2 R0 / alpha', () => {
    expectBound(reading(prop11, 'restored-a').bound(m), { lhs: 0.2, rhs: 2 * 9 * 0.75 * 3, branch: 'limit-a', scale: 5 });
    expectBound(reading(prop11, 'literal').bound(m), { lhs: 0.2, rhs: 2 * 9 * 0.75 * 9, branch: 'limit-a', scale: 5 });
    expectBound(reading(prop11, 'mutant').bound(m), { lhs: 0.2, rhs: (2 * 9 * 0.75 * 3) / 4, branch: 'limit-a', scale: 5 });
    expectBound(reading(prop11, 'restored-b').bound(m), { lhs: 0.2, rhs: (4 * 4 * 0.25 * 18) / 4, branch: 'limit-b', scale: 5 });
  });

  test("outside a reading's own time limit (no admissible ball) its claim is vacuous", () => {
    const { ballA: _a, ballB: _b, ...outside } = m;
    for (const name of ['restored-a', 'restored-b', 'literal', 'mutant']) {
      expect(reading(prop11, name).bound(outside)).toEqual({ lhs: 0.2, rhs: Infinity, branch: 'outside-limit' });
    }
  });
});

describe('thm-1.3: E >= min(kappa sqrt(R0), sqrt(R0)) / 5 on the converse model', () => {
  test('restored, literal (R0 / 5) and the 1/2 mutant, with their branches', () => {
    expectBound(reading(thm13, 'restored').bound({ E: 0.3, kappa: 0.5, R0: 4 }), { lhs: 0.3, rhs: 0.2, branch: 'kappa', scale: 0.3 });
    expectBound(reading(thm13, 'restored').bound({ E: 0.3, kappa: 3, R0: 4 }), { lhs: 0.3, rhs: 0.4, branch: 'saturated', scale: 0.3 });
    expectBound(reading(thm13, 'literal').bound({ E: 0.3, kappa: 3, R0: 0.25 }), { lhs: 0.3, rhs: 0.05, branch: 'saturated', scale: 0.3 });
    expectBound(reading(thm13, 'literal').bound({ E: 0.3, kappa: 0.5, R0: 4 }), { lhs: 0.3, rhs: 0.2, branch: 'kappa', scale: 0.3 });
    expectBound(reading(thm13, 'mutant').bound({ E: 0.3, kappa: 0.5, R0: 4 }), { lhs: 0.3, rhs: 0.5, branch: 'kappa', scale: 0.3 });
  });
});

describe('lemma-3.3 and eq-25: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= c sqrt(t) ||B||', () => {
  const m = { gap: 0.1, normB: 0.5, normA: 2, t: 4 };
  test('lemma-3.3: c = 2; mutant c = 1/2', () => {
    expectBound(reading(lemma33, 'restored').bound(m), { lhs: 0.1, rhs: 2, scale: 1 });
    expectBound(reading(lemma33, 'mutant').bound(m), { lhs: 0.1, rhs: 0.5, scale: 1 });
  });
  test('eq-25: c = 2 sqrt(2/e); literal (2t/e) ||B||; mutant a quarter', () => {
    expectBound(reading(eq25, 'restored').bound(m), { lhs: 0.1, rhs: 4 * Math.sqrt(2 / Math.E) * 0.5, scale: 1 });
    expectBound(reading(eq25, 'literal').bound(m), { lhs: 0.1, rhs: (2 * 4 * 0.5) / Math.E, scale: 1 });
    expectBound(reading(eq25, 'mutant').bound(m), { lhs: 0.1, rhs: Math.sqrt(2 / Math.E) * 0.5, scale: 1 });
  });
});

describe('identities: flow.energy and flow.residual against 100 x the working rtol (1e-6, at either solve)', () => {
  test("flow.energy: |R0 - R(T) - alpha^2 int ||w'||^2| / R0 or the largest increase of R, whichever is worse", () => {
    const m = { decrease: 1.5, dissipation: 0.25, alpha: 2, R0: 2, maxIncrease: 0, condition: 1 };
    expectBound(reading(flowEnergy, 'restored').bound({ ...m, dissipation: 0.375 }), { lhs: 0, rhs: 1e-6, branch: 'identity' });
    expectBound(reading(flowEnergy, 'restored').bound(m), { lhs: 0.25, rhs: 1e-6, branch: 'identity' });
    expectBound(reading(flowEnergy, 'restored').bound({ ...m, dissipation: 0.375, maxIncrease: 0.1 }), { lhs: 0.05, rhs: 1e-6, branch: 'monotone' });
    expectBound(reading(flowEnergy, 'mutant').bound({ ...m, dissipation: 0.375 }), { lhs: 0.375, rhs: 1e-6, branch: 'identity' });
    // the identity's residual is relative to R0 times its condition 2 + 4 int ||K_s||
    expectBound(reading(flowEnergy, 'restored').bound({ ...m, condition: 5 }), { lhs: 0.05, rhs: 1e-6, branch: 'identity' });
  });

  test('flow.residual: the worst of the pointwise, integral and linear residuals, the kernel scaled by c', () => {
    const seen: number[] = [];
    const m = {
      pointwise: (c: number) => {
        seen.push(c);
        return c === 1 ? 2e-9 : 0.5;
      },
      integral: (c: number) => (c === 1 ? 3e-9 : 0.25),
      linear: 1e-9,
      condition: 3,
    };
    expectBound(reading(flowResidual, 'restored').bound(m), { lhs: 3e-9, rhs: 1e-6, branch: 'integral' });
    expectBound(reading(flowResidual, 'restored').bound({ ...m, linear: 4e-9 }), { lhs: 4e-9, rhs: 1e-6, branch: 'linear' });
    expectBound(reading(flowResidual, 'mutant').bound(m), { lhs: 0.5, rhs: 1e-6, branch: 'pointwise' });
    expect(new Set(seen)).toEqual(new Set([1, 0.5]));
  });
});

describe('eq-26 operand scale', () => {
  test('the larger of Lip(Dh) rho and the operands of J(w(T)) - J0 and w(T) - w0', () => {
    expect(reading(eq26, 'restored').bound(frozen({ jacobianChange: 0.6, jacobianScale: 7 })).scale).toBe(7);
  });
});
