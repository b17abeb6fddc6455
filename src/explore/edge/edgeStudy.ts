import { NtkSolveError } from '../../errors/NtkSolveError.js';
import { solveRun } from '../../flow/Run.js';
import { CHART_CONFIG, CHART_SIZE, logField, logGrid } from '../../plot/chartStyle.js';
import type { Plot } from '../../plot/Plot.js';
import { median } from '../../validate/median.js';
import type { ExploreOptions } from '../ExploreOptions.js';
import { EDGE_FAMILIES, edgeModel } from './edgeFamilies.js';

/** The C grid of the edge curves: T = C alpha for C log-spaced over [1e-2, 1e2]. */
export const EDGE_CS = logGrid(1e-2, 1e2, 9);
/** A measured E counts only when it exceeds the solve's error estimate this many times. */
const RESOLVED_FACTOR = 10;

/** One curve E(C alpha) against C, for one model of a family at one alpha (NaN where unresolved or unsolved). */
export interface EdgeCurve {
  readonly family: string;
  readonly model: number;
  readonly alpha: number;
  readonly E: readonly number[];
}

/** Per family: how the curves behave as alpha grows. */
export interface EdgeProfile {
  readonly family: string;
  /** Per consecutive pair of alphas: median over models of sup_C |E_{alpha'}(C) - E_alpha(C)|, and of the same for alpha E. */
  readonly supDistance: readonly number[];
  readonly supDistanceScaled: readonly number[];
  /** Per alpha: the plateau E at the largest C, and the C at which E first reaches half of it (medians over models). */
  readonly plateau: readonly number[];
  readonly halfC: readonly number[];
}

/** What the edge question found. */
export interface EdgeStudy {
  readonly alphas: readonly number[];
  readonly cs: readonly number[];
  readonly curves: readonly EdgeCurve[];
  readonly profiles: readonly EdgeProfile[];
  readonly unresolved: number;
  readonly plot: Plot;
}

/** alpha ladder and models per family for a profile of `runs` runs per reading (quick: 4, 16, 64, 256; 2 models). */
function size(runs: number): { alphas: number[]; models: number } {
  return runs >= 1000
    ? { alphas: [4, 16, 64, 256, 1024, 4096], models: 8 }
    : runs >= 400
      ? { alphas: [4, 16, 64, 256, 1024], models: 4 }
      : { alphas: [4, 16, 64, 256], models: 2 };
}

/** E(T) of an instance, or NaN when the solve fails or E is within 10x its error estimate. */
function resolvedE(run: () => ReturnType<typeof solveRun>): number {
  try {
    const r = run();
    return r.E > RESOLVED_FACTOR * r.nonlinear.errorEstimate ? r.E : NaN;
  } catch (error) {
    if (error instanceof NtkSolveError) return NaN;
    throw error;
  }
}

/** The smallest C at which `E` reaches `level`, log-interpolated between grid points (NaN if never). */
function firstCrossing(cs: readonly number[], E: readonly number[], level: number): number {
  for (let i = 0; i < E.length; i++) {
    const e = E[i] as number;
    if (!(e >= level)) continue;
    if (i === 0) return cs[0] as number;
    const prev = E[i - 1] as number;
    if (!(prev > 0)) return cs[i] as number;
    const f = (Math.log(level) - Math.log(prev)) / (Math.log(e) - Math.log(prev));
    return Math.exp(Math.log(cs[i - 1] as number) + f * (Math.log(cs[i] as number) - Math.log(cs[i - 1] as number)));
  }
  return NaN;
}

/** sup over C of |a(C) - b(C)| where both are resolved (NaN if nowhere). */
function supDistance(a: readonly number[], b: readonly number[]): number {
  let sup = NaN;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number));
    if (Number.isFinite(d)) sup = Number.isNaN(sup) ? d : Math.max(sup, d);
  }
  return sup;
}

const finiteMedian = (xs: readonly number[]) => {
  const finite = xs.filter(Number.isFinite);
  return finite.length === 0 ? NaN : median(finite);
};

/**
 * Question 3 (the edge of laziness): for models with globally bounded Lip(h), Lip(Dh) (shifted tanh / sigmoid
 * features, n > p, R0 = 1/2 for every alpha), the curves E(C alpha) against C on a ladder of alpha. A limit profile
 * is tested with the sup-distance between successive alphas' curves (it must shrink), for E and for alpha E;
 * saturation is the plateau E at the largest C, and the half-saturation C the first C where E reaches half of it.
 */
export function edgeStudy(options: ExploreOptions): EdgeStudy {
  const { alphas, models } = size(options.profile.runs);
  const curves: EdgeCurve[] = [];
  for (const family of EDGE_FAMILIES) {
    for (let m = 0; m < models; m++) {
      const base = edgeModel(family, options.seed, m);
      for (const alpha of alphas)
        curves.push({ family: family.name, model: m, alpha, E: EDGE_CS.map((C) => resolvedE(() => solveRun({ ...base, alpha, T: C * alpha }))) });
    }
  }
  const profiles = EDGE_FAMILIES.map((family): EdgeProfile => {
    const own = curves.filter((c) => c.family === family.name);
    const at = (m: number, alpha: number) => own.find((c) => c.model === m && c.alpha === alpha)?.E ?? [];
    const pairs = alphas.slice(1).map((alpha, k) => [alphas[k] as number, alpha] as const);
    const modelIndices = [...new Set(own.map((c) => c.model))];
    const scaled = (E: readonly number[], alpha: number) => E.map((e) => alpha * e);
    return {
      family: family.name,
      supDistance: pairs.map(([a, b]) => finiteMedian(modelIndices.map((m) => supDistance(at(m, a), at(m, b))))),
      supDistanceScaled: pairs.map(([a, b]) => finiteMedian(modelIndices.map((m) => supDistance(scaled(at(m, a), a), scaled(at(m, b), b))))),
      plateau: alphas.map((alpha) => finiteMedian(modelIndices.map((m) => at(m, alpha)[EDGE_CS.length - 1] as number))),
      halfC: alphas.map((alpha) =>
        finiteMedian(modelIndices.map((m) => firstCrossing(EDGE_CS, at(m, alpha), (at(m, alpha)[EDGE_CS.length - 1] as number) / 2))),
      ),
    };
  });
  const unresolved = curves.reduce((n, c) => n + c.E.filter((e) => !Number.isFinite(e)).length, 0);
  return { alphas, cs: EDGE_CS, curves, profiles, unresolved, plot: edgePlot(curves, alphas, unresolved) };
}

/** The edge plot: E(C alpha) against C, one line per alpha (colour) and model (detail), one dash per family. */
function edgePlot(curves: readonly EdgeCurve[], alphas: readonly number[], unresolved: number): Plot {
  const rows = curves.flatMap((c) =>
    c.E.flatMap((E, i) =>
      Number.isFinite(E) ? [{ C: EDGE_CS[i] as number, E, alpha: `alpha = ${c.alpha}`, family: c.family, curve: `${c.family}/${c.model}/${c.alpha}` }] : [],
    ),
  );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'The edge of laziness: E(T) at T = C alpha against C',
    ...CHART_SIZE,
    config: CHART_CONFIG,
    data: { values: rows },
    mark: { type: 'line', point: { filled: true, size: 14 }, strokeWidth: 1.2 },
    encoding: {
      x: logField('C', 'C = T / alpha'),
      y: logField('E', 'E(C alpha)'),
      color: { field: 'alpha', type: 'nominal', title: 'scale', sort: alphas.map((a) => `alpha = ${a}`) },
      strokeDash: { field: 'family', type: 'nominal', title: 'family' },
      detail: { field: 'curve' },
    },
  };
  return {
    name: 'open-edge',
    title: 'The edge of laziness: E(C alpha) against C for several alpha',
    caption:
      'Shifted tanh / sigmoid feature models h_k(w) = sum_j V_kj (s(w_j + c_kj) - s(w0_j + c_kj)) with globally bounded Lip(h), Lip(Dh), n = 4 > p, ||V|| = 1, R0 = 1/2; ' +
      `square-loss gradient flow to T = C alpha, C in [1e-2, 1e2], alpha = ${alphas.join(', ')}; log-log. A limit profile would show as curves that close up as alpha grows.`,
    spec: spec as Plot['spec'],
    points: rows.length,
    notes: [`${unresolved} (model, alpha, C) points omitted: solve failed or E within 10x its error estimate.`],
  };
}
