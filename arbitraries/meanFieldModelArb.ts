import fc from 'fast-check';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { ACTIVATION_NAMES, type ActivationName } from '../src/models/activation.js';
import { meanFieldNet, type MeanFieldModel } from '../src/models/meanField.js';
import { symmetricInit } from '../src/models/symmetricInit.js';
import { oneOf, positiveNumber } from '../src/validate/validators.js';
import { checkIntRange } from './_internals/ranges.js';
import { uniform } from './uniform.js';

/** Constraints of `meanFieldModelArb`. */
export interface MeanFieldModelConstraints {
  /** Smallest number of neurons m (m is always even). Default 2. */
  readonly minM?: number;
  /** Largest number of neurons m. Default 16. */
  readonly maxM?: number;
  /** Smallest input dimension d. Default 1. */
  readonly minD?: number;
  /** Largest input dimension d. Default 3. */
  readonly maxD?: number;
  /** Smallest number of data points n. Default 1. */
  readonly minN?: number;
  /** Largest number of data points n. Default 4. */
  readonly maxN?: number;
  /** Activations to draw from. Default ['sigmoid', 'tanh']. */
  readonly activations?: readonly ActivationName[];
  /** Symmetric initialization (`symmetricInit`: mirrored pairs, f_w0 = 0). Default true; false: all m neurons i.i.d. */
  readonly symmetric?: boolean;
  /** Entries of the inputs x_j are uniform on [-inputScale, inputScale]. Default 1. */
  readonly inputScale?: number;
}

const NAME = 'meanFieldModelArb.constraints';
/** Resolution of the uniform draws fed to the initialization. */
const GRID = 2 ** 24;

/**
 * Mean-field 2-layer nets of eq. (8) with weights i.i.d. Unif[-1/sqrt(m), 1/sqrt(m)] (docs/theory.md), by default
 * with the symmetric initialization, so h(w0) = 0. Weights and inputs shrink towards 0.
 * Throws NtkInputError on impossible constraints (e.g. no even m in [minM, maxM]).
 */
export function meanFieldModelArb(constraints: MeanFieldModelConstraints = {}): fc.Arbitrary<MeanFieldModel> {
  const [minM, maxM] = checkIntRange(NAME, 'minM', constraints.minM ?? 2, 'maxM', constraints.maxM ?? 16, 2, 2 ** 16);
  const halfMin = Math.ceil(minM / 2);
  const halfMax = Math.floor(maxM / 2);
  if (halfMin > halfMax) throw new NtkInputError(`${NAME}.maxM`, maxM, `such that [minM, maxM] = [${minM}, ${maxM}] holds an even number`);
  const [minD, maxD] = checkIntRange(NAME, 'minD', constraints.minD ?? 1, 'maxD', constraints.maxD ?? 3, 1, 1024);
  const [minN, maxN] = checkIntRange(NAME, 'minN', constraints.minN ?? 1, 'maxN', constraints.maxN ?? 4, 1, 1024);
  const names = constraints.activations ?? ACTIVATION_NAMES;
  if (names.length === 0) throw new NtkInputError(`${NAME}.activations`, names, 'a non-empty array');
  names.forEach((name, i) => {
    oneOf(`${NAME}.activations[${i}]`, name, ACTIVATION_NAMES);
  });
  const symmetric = constraints.symmetric ?? true;
  const inputScale = positiveNumber(`${NAME}.inputScale`, constraints.inputScale ?? 1);
  return fc
    .tuple(fc.integer({ min: halfMin, max: halfMax }), fc.integer({ min: minD, max: maxD }), fc.integer({ min: minN, max: maxN }))
    .chain(([half, d, n]) => {
      const m = 2 * half;
      const draws = (symmetric ? half : m) * (1 + d);
      return fc.record({
        m: fc.constant(m),
        d: fc.constant(d),
        activation: fc.constantFrom(...names),
        x: fc.array(fc.array(uniform(-inputScale, inputScale), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        grid: fc.array(fc.integer({ min: -GRID, max: GRID - 1 }), { minLength: draws, maxLength: draws }),
      });
    })
    .map(({ m, d, activation, x, grid }) => {
      // grid k in [-GRID, GRID) -> u = (k + GRID) / (2 GRID) in [0, 1), i.e. a weight (k / GRID) / sqrt(m): 0 at k = 0.
      let next = 0;
      const rng = (): number => ((grid[next++] as number) + GRID) / (2 * GRID);
      const weights = symmetric ? symmetricInit({ m, d, rng }) : independentInit(m, d, rng);
      return meanFieldNet({ activation, x, a: weights.a, U: weights.U });
    });
}

/** All m neurons i.i.d. Unif[-1/sqrt(m), 1/sqrt(m)] (no mirroring). */
function independentInit(m: number, d: number, rng: () => number): { a: number[]; U: number[][] } {
  const draw = (): number => (2 * rng() - 1) / Math.sqrt(m);
  return { a: Array.from({ length: m }, draw), U: Array.from({ length: m }, () => Array.from({ length: d }, draw)) };
}
