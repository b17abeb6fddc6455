import type { ErrataDb } from '../../check/errataDb.js';
import type { Plot } from '../../plot/Plot.js';
import type { ExploreOptions } from '../ExploreOptions.js';
import { runConjecture, type ConjectureFinding } from '../runConjecture.js';
import { gd1, gd2, gd2Lazy } from './gdConjectures.js';
import { gd3 } from './gd3.js';
import { gdSweep, type GdSweep } from './gdSweep.js';
import { gdSweepPlot } from './gdSweepPlot.js';

/** kappa ranges of the sweep: the generator's full range, and two lazier ones. */
export const SWEEP_KAPPAS: Readonly<Record<string, readonly [number, number]>> = {
  'kappa in [1e-3, 30]': [1e-3, 30],
  'kappa in [1e-3, 1]': [1e-3, 1],
  'kappa in [1e-3, 0.1]': [1e-3, 0.1],
};

/** What the gradient-descent question found: the three conjectures, the step sweep and its plot. */
export interface GdStudy {
  readonly findings: readonly ConjectureFinding[];
  readonly sweep: GdSweep;
  readonly plot: Plot;
}

/** Search evaluations per bin and bin width for a profile of `runs` runs per reading (quick: 100 runs, 30 per bin). */
function sweepSize(runs: number): { evaluations: number; width: number } {
  return { evaluations: Math.max(10, Math.round((3 * runs) / 10)), width: runs >= 1000 ? 0.05 : 0.1 };
}

/**
 * Question 1 (finite step size): GD-1, GD-2, GD-2-lazy (kappa <= 1), GD-3 each checked over its generator and by the targeted search
 * (`runConjecture`), and GD-1's bound swept over eta lambda_max(K0) in (0, 2.5) for three kappa ranges.
 */
export function gdStudy(options: ExploreOptions, errata: ErrataDb = {}): GdStudy {
  const findings = [
    runConjecture(gd1, options, errata),
    runConjecture(gd2, options, errata),
    runConjecture(gd2Lazy, options, errata),
    runConjecture(gd3, options, errata),
  ];
  const sweep = gdSweep({
    seed: options.seed,
    kappas: SWEEP_KAPPAS,
    ...sweepSize(options.profile.runs),
    ...(options.searchMilliseconds !== undefined && { milliseconds: options.searchMilliseconds / 10 }),
  });
  return { findings, sweep, plot: gdSweepPlot(sweep, 'GD-1 / GD-2') };
}
