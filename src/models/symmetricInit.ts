import { NtkInputError } from '../errors/NtkInputError.js';
import { integerInRange } from '../validate/validators.js';

/** Input of `symmetricInit`: m neurons (even), input dimension d, and a source of uniform numbers in [0, 1). */
export interface SymmetricInitInput {
  readonly m: number;
  readonly d: number;
  /** Returns numbers in [0, 1) (e.g. Math.random or a seeded generator); called m/2 (1 + d) times. */
  readonly rng: () => number;
}

/** Weights of a mean-field net: a [m] and U [m][d] (row i = u_i), ready for `meanFieldNet`. */
export interface MeanFieldWeights {
  readonly a: number[];
  readonly U: number[][];
}

/**
 * The symmetric initialization of Chizat et al. (docs/theory.md, mean-field net): for the first m/2 neurons a_i and
 * the entries of u_i are i.i.d. Unif[-1/sqrt(m), 1/sqrt(m)]; neuron i + m/2 copies u_i and has a = -a_i.
 * Hence f_w0 = 0 exactly (`MeanFieldModel.value` sums each mirrored pair first), and R0 = |y*|^2 / 2 for any alpha.
 */
export function symmetricInit(input: SymmetricInitInput): MeanFieldWeights {
  const m = integerInRange('m', input.m, 2, 2 ** 24);
  if (m % 2 !== 0) throw new NtkInputError('m', m, 'even (neurons come in mirrored pairs)');
  const d = integerInRange('d', input.d, 1, 2 ** 20);
  if (typeof input.rng !== 'function') throw new NtkInputError('rng', input.rng, 'a function returning numbers in [0, 1)');
  const scale = 1 / Math.sqrt(m);
  const draw = (): number => {
    const u = input.rng();
    if (!(u >= 0 && u < 1)) throw new NtkInputError('rng()', u, 'a number in [0, 1)');
    return scale * (2 * u - 1);
  };
  const half = m / 2;
  const a: number[] = [];
  const U: number[][] = [];
  for (let i = 0; i < half; i++) {
    a.push(draw());
    U.push(Array.from({ length: d }, draw));
  }
  for (let i = 0; i < half; i++) {
    a.push(-(a[i] as number));
    U.push([...(U[i] as number[])]);
  }
  return { a, U };
}
