import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { flowStatement, kappaRegime } from '../flowStatement.js';
import { frozenKernelQuantities, type FrozenKernelQuantities } from '../frozenKernel.js';
import type { Bound } from '../Statement.js';

/** The constant 2 of eq. (27) (Lemma 3.3's 2 sqrt(t) ||B|| with ||B|| <= Lip(Dh) sqrt(T R0) / alpha). */
const C = 2;

function bound(c: number, power: number): (q: FrozenKernelQuantities) => Bound {
  return (q) => ({ lhs: q.frozenGap, rhs: c * q.kappa ** power * q.r0, scale: q.rScale });
}

/** Eq. (27): r'(T) = exp(-K_T T) r(0) satisfies ||r'(T) - rbar(T)|| <= 2 kappa ||r(0)||. */
export const eq27 = flowStatement<FrozenKernelQuantities>({
  id: 'eq-27',
  source: 'eq. (27)',
  relation: '<=',
  summary: "Frozen-kernel gap: ||r'(T) - rbar(T)|| <= 2 kappa ||r(0)||",
  readings: [
    {
      name: 'restored',
      formula: '||exp(-K_T T) r(0) - exp(-K0 T) r(0)|| <= 2 kappa ||r(0)||',
      expected: 'holds',
      bound: bound(C, 1),
      constants: [{ symbol: '2', value: C }],
    },
  ],
  mutant: { name: 'mutant', formula: "||r'(T) - rbar(T)|| <= 2 kappa^2 ||r(0)||  (wrong power of kappa)", expected: 'refuted', bound: bound(C, 2) },
  arbitrary: (size) => instanceArb(size),
  extract: (run) => frozenKernelQuantities(run),
  labels: (q) => ({ kappa: kappaRegime(q.kappa) }),
  requiredCoverage: { kappa: ['kappa<1', 'kappa>=1'], family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
