import fc from 'fast-check';
import type { ParamBlock } from './SearchSpace.js';
import { logUniform } from './logUniform.js';
import { uniform } from './uniform.js';
import { MATRIX_SCALES, type MatrixCaseParams, type MatrixChoice, type MatrixMode } from './matrixCaseFromParams.js';

/** Constraints of `matrixCaseArb` / {@link matrixCaseParamsArb}. */
export interface MatrixCaseConstraints {
  /** Largest n and p. Default 6 and 8. */
  readonly maxN?: number;
  readonly maxP?: number;
  /** Range of t ||A||^2 (the dimensionless time), log-uniform. Default [1e-4, 1e3]. */
  readonly tA2?: readonly [number, number];
  /** Range of ||B|| / ||A||, log-uniform. Default [1e-4, 1e2]. */
  readonly relativeB?: readonly [number, number];
}

/** Range of ||A||, log-uniform (rescaled into t: only t ||A||^2 matters to the statements). */
const SCALE_RANGE = [1e-3, 1e3] as const;

/** The ranges of the log-uniform scales, defaults filled in. */
export type MatrixRanges = Readonly<Record<(typeof MATRIX_SCALES)[number], readonly [number, number]>>;

/** The scale ranges of `constraints`, defaults filled in. */
export function matrixRanges(constraints: MatrixCaseConstraints): MatrixRanges {
  return { scale: SCALE_RANGE, tA2: constraints.tA2 ?? [1e-4, 1e3], relativeB: constraints.relativeB ?? [1e-4, 1e2] };
}

/** Points of the matrix-case parameter space (see `MatrixCaseParams`), drawn as `matrixCaseArb` always drew them. */
export function matrixCaseParamsArb(constraints: MatrixCaseConstraints = {}): fc.Arbitrary<MatrixCaseParams> {
  const ranges = matrixRanges(constraints);
  const range = (name: keyof MatrixRanges) => logUniform(ranges[name][0], ranges[name][1]);
  return fc
    .record({
      // n = 1 (scalar exponents, which always commute) in one case in ten, not one in maxN.
      n:
        (constraints.maxN ?? 6) === 1
          ? fc.constant(1)
          : fc.oneof({ arbitrary: fc.constant(1), weight: 1 }, { arbitrary: fc.integer({ min: 2, max: constraints.maxN ?? 6 }), weight: 9 }),
      p: fc.integer({ min: 1, max: constraints.maxP ?? 8 }),
      scale: range('scale'),
      tA2: range('tA2'),
      relativeB: range('relativeB'),
      // random three times as often: aligned cases commute by construction (A + B = (1 + s) A), and so does n = 1,
      // so the generic non-commuting case must carry at least half of the runs (asserted: properties/lemma-3.3.test.ts).
      mode: fc.constantFrom<MatrixMode>('random', 'random', 'random', 'aligned', 'cancel'),
      sign: fc.constantFrom<1 | -1>(1, -1),
    })
    .chain((d) => {
      // Raw entries uniform in [-1, 1] (not fc.double, which is uniform over bit patterns: mostly tiny values);
      // matrixCaseFromParams maps them to log-uniform magnitudes.
      const box = fc.array(uniform(-1, 1), { minLength: d.n * d.p, maxLength: d.n * d.p });
      return fc.tuple(fc.constant(d), box, box);
    })
    .map(
      ([d, aRaw, bRaw]): MatrixCaseParams => ({
        discrete: { n: d.n, p: d.p, mode: d.mode, sign: d.sign },
        x: [...MATRIX_SCALES.map((name) => d[name]), ...aRaw, ...bRaw],
      }),
    );
}

/**
 * The layout of `MatrixCaseParams.x`: three log scales ('units': ||A||, inert — only t ||A||^2 reaches the
 * statements — but kept searchable; 'dimensionless': t ||A||^2 and ||B|| / ||A||), the raw entries of A ('A') and of B ('B', frozen in the aligned mode).
 */
export function matrixCaseParamBlocks(c: MatrixChoice, ranges: MatrixRanges): ParamBlock[] {
  const size = c.n * c.p;
  return [
    ...MATRIX_SCALES.map(
      (name): ParamBlock => ({ name, group: name === 'scale' ? 'units' : 'dimensionless', length: 1, min: ranges[name][0], max: ranges[name][1], log: true }),
    ),
    { name: 'A', group: 'A', length: size, min: -1, max: 1, log: false },
    { name: 'B', group: 'B', length: size, min: -1, max: 1, log: false, frozen: c.mode === 'aligned' },
  ];
}
