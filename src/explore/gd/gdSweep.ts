import { searchWorst } from '../../search/searchWorst.js';
import { gdConjecture } from './gdConjectures.js';

/** Upper end of the swept eta lambda_max(K0) axis (past the linearized descent's stability limit 2). */
export const SWEEP_END = 2.5;
/** Lower end of the first bin (the step count grows like 1 / (eta lambda)). */
export const SWEEP_START = 0.02;

/** One bin of the sweep, for one kappa range. */
export interface SweepBin {
  readonly series: string;
  readonly lo: number;
  readonly hi: number;
  /** Cases the targeted search measured, and how many of them diverged (||r_k|| past 1e8 (||r(0)|| + 1)). */
  readonly evaluations: number;
  readonly diverged: number;
  /** Largest ratio E_GD / bound the search scored (passes, and violations certified by the decimal reference). */
  readonly worstRatio: number;
  /** The worst case is a certified violation. */
  readonly fails: boolean;
  readonly worstCase?: unknown;
  readonly worstEtaLambda?: number;
}

/** The earliest failing bin of a series: its worst case, certified. */
export interface FirstFailure {
  readonly series: string;
  readonly lo: number;
  readonly hi: number;
  readonly etaLambda: number;
  readonly ratio: number;
  readonly margin: number;
  readonly uncertainty: number;
  readonly case: unknown;
}

/** The sweep of Thm 1.2's bound for GD over eta lambda_max(K0) in (0, 2.5), for several kappa ranges. */
export interface GdSweep {
  readonly bins: readonly SweepBin[];
  readonly firstFailure: Readonly<Record<string, FirstFailure | undefined>>;
}

/** Options of {@link gdSweep}: bins of width `width` from SWEEP_START to SWEEP_END, a search of `evaluations` each. */
export interface SweepOptions {
  readonly seed: number;
  readonly evaluations: number;
  readonly width: number;
  /** Series name -> kappa range. */
  readonly kappas: Readonly<Record<string, readonly [number, number]>>;
  /** Wall-clock cap per bin (not reproducible), in milliseconds. */
  readonly milliseconds?: number;
}

/** Bin edges SWEEP_START, width, 2 width, ..., SWEEP_END. */
export function sweepEdges(width: number): number[] {
  const edges: number[] = [SWEEP_START];
  for (let k = 1; k * width < SWEEP_END - 1e-9; k++) edges.push(k * width);
  edges.push(SWEEP_END);
  return edges;
}

/**
 * Worst ratio of Thm 1.2's bound for GD against eta lambda_max(K0): per bin and kappa range, the targeted search
 * (`searchWorst`, with the judge's certification: a violation counts only when the decimal re-evaluation of both
 * descents confirms it) over GD cases whose step lies in the bin. A series' first failure is its lowest bin whose
 * worst case is a certified violation.
 */
export function gdSweep(options: SweepOptions): GdSweep {
  const bins: SweepBin[] = [];
  const firstFailure: Record<string, FirstFailure | undefined> = {};
  const edges = sweepEdges(options.width);
  let s = 0;
  for (const [series, kappa] of Object.entries(options.kappas)) {
    firstFailure[series] = undefined;
    s++;
    for (let b = 0; b + 1 < edges.length; b++) {
      const [lo, hi] = [edges[b] as number, edges[b + 1] as number];
      const statement = gdConjecture(`GD sweep ${lo}..${hi}`, [lo, hi], `eta lambda_max(K0) in [${lo}, ${hi}]`, kappa);
      const reading = statement.readings[0] as (typeof statement.readings)[number];
      const found = searchWorst(statement, reading, {
        seed: options.seed + 7919 * b + 104729 * s,
        evaluations: options.evaluations,
        ...(options.milliseconds !== undefined && { milliseconds: options.milliseconds }),
      });
      const worst = found.worst;
      const fails = worst !== undefined && worst.outcome.status === 'violation' && worst.outcome.certified;
      bins.push({
        series,
        lo,
        hi,
        evaluations: found.evaluations,
        diverged: found.rejected.unsolved,
        worstRatio: found.worstRatio,
        fails,
        ...(worst && { worstCase: statement.describe(worst.case), worstEtaLambda: worst.case.etaLambda }),
      });
      if (fails && firstFailure[series] === undefined && worst !== undefined && worst.outcome.status === 'violation') {
        const { ratio, margin, uncertainty } = worst.outcome;
        firstFailure[series] = { series, lo, hi, etaLambda: worst.case.etaLambda, ratio, margin, uncertainty, case: statement.describe(worst.case) };
      }
    }
  }
  return { bins, firstFailure };
}
