import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { flowQuantities, type FlowQuantities } from '../flowQuantities.js';
import { flowStatement, kappaRegime } from '../flowStatement.js';
import type { Bound } from '../Statement.js';
import { kappaOrSaturation } from '../kappaOrSaturation.js';
import { minBranch } from '../worstOf.js';

/** The constants of Thm 1.2 (6 in front of kappa sqrt(R0); the saturation level sqrt(8 R0) = 2 ||r(0)||). */
const C = { kappa: 6, saturation: 8 } as const;

/** Thm 1.2's bound, restored reading: min(6 kappa sqrt(R0), sqrt(8 R0)), with its active branch (shared with src/audit). */
export function thm12Bound(kappa: number, R0: number): { value: number; branch: string } {
  return minBranch(C.kappa * kappa * Math.sqrt(R0), Math.sqrt(C.saturation * R0), ['kappa', 'saturated']);
}

/**
 * The shape split of the kappa branch: with n = 1 the residual never turns (r(t) keeps its sign), with n > 1 it
 * can, so the two may reach different worst ratios: they are searched and reported apart (`kappa:n=1`, `kappa:n>1`).
 */
const KAPPA_SPLITS = ['n=1', 'n>1'] as const;

/** E(T) <= min(C.kappa kappa^power sqrt(R0), saturation(R0)); the kappa branch split by n = 1 / n > 1. */
function bound(power: number, saturation: (R0: number) => number): (q: FlowQuantities) => Bound {
  return (q) => {
    const b = kappaOrSaturation(q.E, q, C.kappa, power, saturation, q.rScale);
    return b.branch === 'kappa' ? { ...b, split: KAPPA_SPLITS[q.n === 1 ? 0 : 1] } : b;
  };
}

/**
 * Thm 1.2, eq. (6): for T <= alpha^2 rho^2 / R0, E(T) <= min(6 kappa sqrt(R0), sqrt(8 R0)).
 * The time limit holds by construction: rho = sqrt(T R0) / alpha and Lip(Dh) is certified on B(w0, rho).
 */
export const thm12 = flowStatement<FlowQuantities>({
  id: 'thm-1.2',
  source: 'Thm. 1.2, eq. (6)',
  relation: '<=',
  summary: 'NTK approximation error: E(T) <= min(6 kappa sqrt(R0), sqrt(8 R0)) for T <= alpha^2 rho^2 / R0',
  readings: [
    {
      name: 'restored',
      formula: 'E(T) <= min(6 kappa sqrt(R0), sqrt(8 R0))',
      expected: 'holds',
      bound: bound(1, (R0) => Math.sqrt(C.saturation * R0)),
      constants: [
        { branch: 'kappa', symbol: '6', value: C.kappa },
        ...KAPPA_SPLITS.map((split) => ({ branch: `kappa:${split}`, symbol: '6', value: C.kappa })),
        { branch: 'saturated', symbol: 'sqrt(8)', value: Math.sqrt(C.saturation) },
      ],
    },
    { name: 'literal', formula: 'E(T) <= min(6 kappa sqrt(R0), 8 R0)', expected: 'refuted', bound: bound(1, (R0) => C.saturation * R0) },
  ],
  mutant: {
    name: 'mutant',
    formula: 'E(T) <= min(6 kappa^2 sqrt(R0), sqrt(8 R0))  (wrong power of kappa)',
    expected: 'refuted',
    bound: bound(2, (R0) => Math.sqrt(C.saturation * R0)),
  },
  arbitrary: (size) => instanceArb(size),
  extract: (run) => flowQuantities(run),
  labels: (q) => ({ kappa: kappaRegime(q.kappa) }),
  requiredCoverage: { branch: ['kappa', 'saturated'], kappa: ['kappa<1', 'kappa>=1'], family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
