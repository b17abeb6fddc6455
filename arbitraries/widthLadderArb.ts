import fc from 'fast-check';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { ACTIVATION_NAMES } from '../src/models/activation.js';
import { integerInRange } from '../src/validate/validators.js';
import type { WidthLadder } from './WidthLadder.js';
import { checkIntRange, checkRange, type ScaleRange } from './_internals/ranges.js';
import { unitEntries } from './_internals/unitEntries.js';
import { unitVector } from './_internals/unitVector.js';
import { logUniform } from './logUniform.js';

/** Constraints of {@link widthLadderArb}. */
export interface WidthLadderConstraints {
  /** Narrowest width m_0 (even). Default 8. */
  readonly minWidth?: number;
  /** Number of widths m_0, 4 m_0, 16 m_0, ... Default 3. */
  readonly rungs?: number;
  /** Smallest input dimension d. Default 3 (random unit inputs are then rarely near-parallel: ~1% a pair). */
  readonly minD?: number;
  /** Largest input dimension d. Default 4. */
  readonly maxD?: number;
  /** Largest number of data points n. Default 4. */
  readonly maxN?: number;
  /** Horizon T, log-uniform. Default [0.1, widest width]: T up to the order of m. */
  readonly T?: ScaleRange;
}

const NAME = 'widthLadderArb.constraints';
/** Ratio of consecutive widths. */
const WIDTH_FACTOR = 4;

/**
 * Width ladders for the NTK parametrization (docs/theory.md, Sec. 2 last paragraph): a data set (inputs x_j on the unit
 * sphere of R^d, the usual normalization of NTK analyses — no degenerate x ~ 0, where h is linear and E is rounding;
 * labels of unit root-mean-square in a random direction, so |y*| = 1 and R0 = 1/2: no case drowns in the
 * rounding of alpha h(w)), an activation, T log-uniform up to the widest width, the widths
 * m_0 4^k, and a seed for the nested symmetric initialization (`ladderInstance`).
 */
export function widthLadderArb(constraints: WidthLadderConstraints = {}): fc.Arbitrary<WidthLadder> {
  const m0 = constraints.minWidth ?? 8;
  if (!Number.isInteger(m0) || m0 < 2 || m0 % 2 !== 0) throw new NtkInputError(`${NAME}.minWidth`, m0, 'an even integer >= 2');
  const rungs = integerInRange(`${NAME}.rungs`, constraints.rungs ?? 3, 2, 8);
  const widths = Array.from({ length: rungs }, (_, k) => m0 * WIDTH_FACTOR ** k);
  const [minD, maxD] = checkIntRange(NAME, 'minD', constraints.minD ?? 3, 'maxD', constraints.maxD ?? 4, 1, 64);
  const maxN = integerInRange(`${NAME}.maxN`, constraints.maxN ?? 4, 1, 64);
  const T = checkRange(`${NAME}.T`, constraints.T ?? { min: 0.1, max: widths[widths.length - 1] as number }, true);
  return fc.tuple(fc.integer({ min: minD, max: maxD }), fc.integer({ min: 1, max: maxN })).chain(([d, n]) =>
    fc.record({
      activation: fc.constantFrom(...ACTIVATION_NAMES),
      x: fc.array(
        fc.noBias(unitEntries(d)).map((raw) => Array.from(unitVector(raw))),
        { minLength: n, maxLength: n },
      ),
      y: unitEntries(n).map((raw) => Array.from(unitVector(raw), (u) => Math.sqrt(n) * u)),
      T: logUniform(T.min, T.max),
      widths: fc.constant(widths),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    }),
  );
}
