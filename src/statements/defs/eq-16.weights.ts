import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import type { Run } from '../../flow/Run.js';
import { certifiedRadius } from '../certifiedRadius.js';
import { flowStatement } from '../flowStatement.js';
import type { Bound } from '../Statement.js';
import { sampleTimes, trajectoryPoint } from '../trajectoryPoint.js';
import { worstOf } from '../worstOf.js';

/** ||w(t) - w0|| <= t Lip(h) sqrt(c R0) / alpha: c = 2 restored (||r|| <= sqrt(2 R0)), c = 1 literal. */
const C = { restored: 2, literal: 1 } as const;

interface Eq16Point {
  readonly t: number;
  readonly distance: number;
  /** Certified Lip(h) on a ball proved to contain the path up to t (`certifiedRadius`: energy or speed bound). */
  readonly lipH: number;
  readonly R0: number;
  readonly alpha: number;
  /**
   * The operands' size: sqrt(T R0) / alpha (the displacement scale the solver's tolerance refers to), or ||w0|| +
   * ||w(t) - w0|| when larger: the distance is a difference of w(t) and w0, whose rounding is relative to them.
   */
  readonly scale: number;
}

/**
 * Lip(h) is taken on the certified radius at t, computed from the instance (not on the largest sampled distance,
 * which can fall short of the path's farthest point and so understate Lip(h)).
 */
function measure(run: Run, reference: Run): Eq16Point[] {
  return sampleTimes(reference).map((t) => {
    const q = trajectoryPoint(run, t);
    const { T, alpha, model } = run.instance;
    const operands = Math.hypot(...model.w0) + q.distance;
    const lipH = model.lipH(certifiedRadius(model, run.R0, alpha, t));
    return { t, distance: q.distance, lipH, R0: run.R0, alpha, scale: Math.max(Math.sqrt(T * run.R0) / alpha, operands) };
  });
}

function bound(c: number): (points: Eq16Point[]) => Bound {
  return (points) =>
    worstOf(
      '<=',
      points.map((q) => ({ lhs: q.distance, rhs: (q.t * q.lipH * Math.sqrt(c * q.R0)) / q.alpha, scale: q.scale })),
    );
}

/** Before eq. (16): ||w(t) - w0|| <= t Lip(h) sqrt(2 R0) / alpha (speed (1/alpha) ||J^T r|| <= Lip(h) ||r|| / alpha). */
export const eq16Weights = flowStatement<Eq16Point[]>({
  id: 'eq-16.weights',
  source: 'before eq. (16)',
  relation: '<=',
  summary: 'Weight movement at bounded speed: ||w(t) - w0|| <= t Lip(h) sqrt(2 R0) / alpha',
  readings: [
    { name: 'restored', formula: '||w(t) - w0|| <= t Lip(h) sqrt(2 R0) / alpha', expected: 'holds', bound: bound(C.restored) },
    { name: 'literal', formula: '||w(t) - w0|| <= t sqrt(R0) Lip(h) / alpha', expected: 'refuted', bound: bound(C.literal) },
  ],
  mutant: { name: 'mutant', formula: '||w(t) - w0|| <= t Lip(h) sqrt(R0 / 2) / alpha  (constant halved)', expected: 'refuted', bound: bound(C.restored / 4) },
  arbitrary: (size) => instanceArb(size),
  extract: measure,
  requiredCoverage: { family: COVERED_FAMILIES, direction: ['random', 'top', 'bottom'], horizon: HORIZON_CLASSES },
});
