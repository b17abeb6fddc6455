import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { flowQuantities, type FlowQuantities } from '../flowQuantities.js';
import { flowStatement, kappaRegime } from '../flowStatement.js';
import type { Bound } from '../Statement.js';

/** The restored constant 4 sqrt(2) / 3 of eq. (19), and the literal 4/3. */
const C = { restored: (4 * Math.SQRT2) / 3, literal: 4 / 3 } as const;

/** E(T) <= c T^power Lip(h) Lip(Dh) R0 / alpha, constants on the Prop 3.1 ball. */
function bound(c: number, power: number): (q: FlowQuantities) => Bound {
  return (q) => ({ lhs: q.E, rhs: (c * q.T ** power * q.lipH * q.lipDh * q.R0) / q.alpha, scale: q.rScale });
}

/** Eq. (19): E(T) <= (4 sqrt(2) / 3) T^(3/2) Lip(h) Lip(Dh) R0 / alpha (integrating eq. (15) with Prop 3.1). */
export const eq19 = flowStatement<FlowQuantities>({
  id: 'eq-19',
  source: 'eq. (19)',
  relation: '<=',
  summary: 'E(T) <= (4 sqrt(2)/3) T^(3/2) Lip(h) Lip(Dh) R0 / alpha',
  readings: [
    {
      name: 'restored',
      formula: 'E(T) <= (4 sqrt(2) / 3) T^(3/2) Lip(h) Lip(Dh) R0 / alpha',
      expected: 'holds',
      bound: bound(C.restored, 1.5),
      constants: [{ symbol: '4 sqrt(2) / 3', value: C.restored }],
    },
    {
      name: 'literal',
      formula: 'E(T) <= (4 / 3) T^(3/2) Lip(h) Lip(Dh) R0 / alpha',
      expected: 'holds',
      bound: bound(C.literal, 1.5),
      constants: [{ symbol: '4 / 3', value: C.literal }],
    },
  ],
  mutant: {
    name: 'mutant',
    formula: 'E(T) <= (4 sqrt(2) / 3) T^2 Lip(h) Lip(Dh) R0 / alpha  (wrong power of T)',
    expected: 'refuted',
    bound: bound(C.restored, 2),
  },
  arbitrary: (size) => instanceArb(size),
  extract: (run) => flowQuantities(run),
  labels: (q) => ({ kappa: kappaRegime(q.kappa) }),
  requiredCoverage: { kappa: ['kappa<1', 'kappa>=1'], family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
