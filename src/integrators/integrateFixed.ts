import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { finiteNumber, finiteVector, integerInRange } from '../validate/validators.js';
import { allFinite } from './_internals/allFinite.js';
import type { Rhs } from './Rhs.js';
import { RkWorkspace } from './RkWorkspace.js';
import { rkStep } from './rkStep.js';
import type { Tableau } from './Tableau.js';

/** Result of {@link integrateFixed}. */
export interface FixedStepResult {
  /** Approximation of y(t1) (a fresh array). */
  readonly y: Float64Array;
  /** Number of calls of f. */
  readonly rhsEvaluations: number;
}

/**
 * Integrate y' = f(t, y), y(t0) = y0 from t0 to t1 with `steps` equal steps of any explicit Runge-Kutta tableau
 * (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.1). Step i runs from t0 + i H to t0 + (i+1) H,
 * H = (t1 - t0) / steps, and the last step lands exactly on t1. FSAL tableaus reuse their last stage, so a
 * solve costs 1 + steps (s - 1) evaluations for them and steps s otherwise (0 when t1 = t0).
 *
 * Throws {@link NtkInputError} for t0, t1 not finite, t1 < t0, y0 not a non-empty finite vector or steps not an
 * integer in [1, 1e9]; {@link NtkSolveError} ('non-finite') as soon as a step produces a non-finite state.
 */
export function integrateFixed(tableau: Tableau, f: Rhs, t0: number, y0: Float64Array | readonly number[], t1: number, steps: number): FixedStepResult {
  finiteNumber('t0', t0);
  finiteNumber('t1', t1);
  if (!(t1 >= t0)) throw new NtkInputError('t1', t1, `>= t0=${t0}`);
  const y = finiteVector('y0', y0);
  integerInRange('steps', steps, 1, 1e9);
  if (t1 === t0) return { y, rhsEvaluations: 0 };

  const ws = new RkWorkspace(tableau, y.length);
  const s = ws.tableau.stages;
  const H = (t1 - t0) / steps;
  f(t0, y, ws.k[0] as Float64Array);
  let rhsEvaluations = 1;
  let t = t0;
  for (let i = 1; i <= steps; i++) {
    const tNext = i === steps ? t1 : t0 + i * H;
    rkStep(ws, f, t, y, tNext - t);
    rhsEvaluations += s - 1;
    if (!allFinite(ws.yNew)) throw new NtkSolveError('non-finite', `non-finite state after a ${tableau.name} step`, { t, steps: i - 1 });
    y.set(ws.yNew);
    t = tNext;
    if (i === steps) break;
    if (!ws.tableau.fsal) {
      f(t, y, ws.nextDerivative());
      rhsEvaluations += 1;
    }
    ws.advance();
  }
  return { y, rhsEvaluations };
}
