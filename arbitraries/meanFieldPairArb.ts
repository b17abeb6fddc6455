import fc from 'fast-check';
import { norm2 } from '../src/linalg/dense.js';
import type { MeanFieldModel } from '../src/models/meanField.js';
import type { MeanFieldPair } from './MeanFieldPair.js';
import { neuronBlockTop, worstPreactivation } from './_internals/neuronBlock.js';
import { checkRange, type ScaleRange } from './_internals/ranges.js';
import { unitEntries } from './_internals/unitEntries.js';
import { unitVector } from './_internals/unitVector.js';
import { logUniform } from './logUniform.js';
import { meanFieldModelArb } from './meanFieldModelArb.js';

/** Constraints of {@link meanFieldPairArb}; every range is sampled log-uniformly. */
export interface MeanFieldPairConstraints {
  /** Largest number of neurons m. Default 16. */
  readonly maxM?: number;
  /** Largest input dimension d. Default 3. */
  readonly maxD?: number;
  /** Largest number of data points n. Default 3. */
  readonly maxN?: number;
  /** Half-width of the uniform input entries (sets X = max_j |x_j|). Default [0.1, 4]. */
  readonly inputScale?: ScaleRange;
  /** ||u - w0||. Default [1e-3, 2] (A = sqrt(m) max |a_i| up to ~3). */
  readonly displacement?: ScaleRange;
  /** ||v - u||. Default [1e-7, 1]. */
  readonly step?: ScaleRange;
}

const NAME = 'meanFieldPairArb.constraints';

/** The random draws a pair is built from (see {@link pairFromDraws}). */
interface PairDraws {
  readonly model: MeanFieldModel;
  readonly init: string;
  readonly direction: 'random' | 'neuron' | 'worst';
  readonly displacement: number;
  readonly step: number;
  readonly neuron: number;
  readonly toU: readonly number[];
  readonly toV: readonly number[];
}

/**
 * Pairs of points u, v of mean-field nets (Lemma 2.1): u = w0 + a random displacement; v = u + step * e with e
 * a random unit vector ('random'), or the top eigenvector of one neuron's Hessian block at the largest input x_j
 * ('neuron'), or that after moving u so that the neuron carries the largest |a_i| and sits at the pre-activation
 * maximizing its block norm ('worst'): with n = 1 and a small step the quotient then nears the Hessian's norm.
 * Both initializations (symmetric, independent) and both activations.
 */
export function meanFieldPairArb(constraints: MeanFieldPairConstraints = {}): fc.Arbitrary<MeanFieldPair> {
  const inputScale = checkRange(`${NAME}.inputScale`, constraints.inputScale ?? { min: 0.1, max: 4 }, true);
  const displacement = checkRange(`${NAME}.displacement`, constraints.displacement ?? { min: 1e-3, max: 2 }, true);
  const step = checkRange(`${NAME}.step`, constraints.step ?? { min: 1e-7, max: 1 }, true);
  const sizes = { maxM: constraints.maxM ?? 16, maxD: constraints.maxD ?? 3, maxN: constraints.maxN ?? 3 };
  return fc
    .tuple(fc.constantFrom('symmetric', 'independent'), logUniform(inputScale.min, inputScale.max))
    .chain(([init, scale]) => meanFieldModelArb({ ...sizes, symmetric: init === 'symmetric', inputScale: scale }).map((model) => ({ model, init })))
    .chain(({ model, init }) =>
      fc.record({
        model: fc.constant(model),
        init: fc.constant(init),
        direction: fc.constantFrom('random' as const, 'neuron' as const, 'worst' as const),
        displacement: logUniform(displacement.min, displacement.max),
        step: logUniform(step.min, step.max),
        neuron: fc.nat({ max: model.m - 1 }),
        toU: unitEntries(model.p),
        toV: unitEntries(model.p),
      }),
    )
    .map(pairFromDraws);
}

/** The pair of the draws (pure). */
function pairFromDraws(draws: PairDraws): MeanFieldPair {
  const { model, init, direction } = draws;
  const u = Float64Array.from(unitVector(draws.toU), (e, k) => (model.w0[k] as number) + draws.displacement * e);
  const v = Float64Array.from(u);
  if (direction === 'random') {
    unitVector(draws.toV).forEach((e, k) => {
      v[k] = (v[k] as number) + draws.step * e;
    });
    return { model, u, v, direction, init };
  }
  const { m, d, x, activation } = model;
  const i = draws.neuron;
  const j = largestInput(model);
  const xj = x.subarray(j * d, (j + 1) * d);
  const xNorm = norm2(xj);
  const uo = m + i * d;
  const preactivation = () => Math.sqrt(m) * xj.reduce((s, xk, k) => s + xk * (u[uo + k] as number), 0);
  if (direction === 'worst' && xNorm > 0) {
    let aMax = 0;
    for (let k = 0; k < m; k++) aMax = Math.max(aMax, Math.abs(u[k] as number));
    u[i] = (u[i] as number) < 0 ? -aMax : aMax;
    const shift = (worstPreactivation(activation, Math.sqrt(m) * aMax, xNorm) - preactivation()) / (Math.sqrt(m) * xNorm * xNorm);
    for (let k = 0; k < d; k++) u[uo + k] = (u[uo + k] as number) + shift * (xj[k] as number);
    v.set(u);
  }
  const { along } = neuronBlockTop(activation, preactivation(), Math.sqrt(m) * (u[i] as number), xNorm);
  v[i] = (u[i] as number) + draws.step * along[0];
  if (xNorm > 0) for (let k = 0; k < d; k++) v[uo + k] = (u[uo + k] as number) + (draws.step * along[1] * (xj[k] as number)) / xNorm;
  return { model, u, v, direction, init };
}

/** Index of the input of largest norm (X is attained there). */
function largestInput(model: MeanFieldModel): number {
  let best = 0;
  let bestNorm = -1;
  for (let j = 0; j < model.n; j++) {
    const len = norm2(model.x.subarray(j * model.d, (j + 1) * model.d));
    if (len > bestNorm) [best, bestNorm] = [j, len];
  }
  return best;
}
