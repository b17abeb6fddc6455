import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { flowStatement, kappaRegime } from '../flowStatement.js';
import { frozenKernelQuantities, type FrozenKernelQuantities } from '../frozenKernel.js';
import type { Bound } from '../Statement.js';
import { kappaOrSaturation } from '../kappaOrSaturation.js';

/** The constants of Thm 3.2 (3 in front of kappa sqrt(R0); saturation sqrt(8 R0)). */
const C = { kappa: 3, saturation: 8 } as const;

function bound(kappaConstant: number, saturation: (R0: number) => number): (q: FrozenKernelQuantities) => Bound {
  return (q) => kappaOrSaturation(q.frozenGap, q, kappaConstant, 1, saturation, q.rScale);
}

/** Thm 3.2, eq. (20): ||r'(T) - rbar(T)|| <= min(3 kappa sqrt(R0), sqrt(8 R0)). */
export const thm32 = flowStatement<FrozenKernelQuantities>({
  id: 'thm-3.2',
  source: 'Thm. 3.2, eq. (20)',
  relation: '<=',
  summary: "Frozen-kernel gap: ||r'(T) - rbar(T)|| <= min(3 kappa sqrt(R0), sqrt(8 R0))",
  readings: [
    {
      name: 'restored',
      formula: "||r'(T) - rbar(T)|| <= min(3 kappa sqrt(R0), sqrt(8 R0))",
      expected: 'holds',
      bound: bound(C.kappa, (R0) => Math.sqrt(C.saturation * R0)),
      constants: [
        { branch: 'kappa', symbol: '3', value: C.kappa },
        {
          branch: 'saturated',
          symbol: 'sqrt(8)',
          value: Math.sqrt(C.saturation),
          sharp: {
            ratio: 1 / 2,
            scope: 'every case',
            reason:
              "r'(T) = exp(-K_T T) r(0) and rbar(T) = exp(-K0 T) r(0) with 0 <= exp(-K T) <= I, and ||P - Q|| <= 1 for 0 <= P, Q <= I: the gap is <= ||r(0)|| = sqrt(8 R0) / 2, approached as K_T T -> infinity along r(0) with K0 r(0) = 0",
          },
        },
      ],
    },
    { name: 'literal', formula: "||r'(T) - rbar(T)|| <= min(3 kappa sqrt(R0), 8 R0)", expected: 'refuted', bound: bound(C.kappa, (R0) => C.saturation * R0) },
  ],
  mutant: {
    name: 'mutant',
    formula: "||r'(T) - rbar(T)|| <= min(kappa sqrt(R0) / 10, sqrt(8 R0))  (constant 30x too small)",
    expected: 'refuted',
    bound: bound(C.kappa / 30, (R0) => Math.sqrt(C.saturation * R0)),
  },
  arbitrary: (size) => instanceArb(size),
  extract: (run) => frozenKernelQuantities(run),
  labels: (q) => ({ kappa: kappaRegime(q.kappa) }),
  requiredCoverage: { branch: ['kappa', 'saturated'], kappa: ['kappa<1', 'kappa>=1'], family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
