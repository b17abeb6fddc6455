import { significant } from '../../format/numbers.js';
import fc from 'fast-check';
import { matrixCaseArb } from '../../../arbitraries/matrixCaseArb.js';
import { eq25 } from '../../statements/defs/eq-25.js';
import { lemma33 } from '../../statements/defs/lemma-3.3.js';
import { CHART_CONFIG, CHART_SIZE, logField } from '../../plot/chartStyle.js';
import { readingNamed } from './evaluateReading.js';
import type { Plot, PlotBuilder } from '../../plot/Plot.js';

/** Cases drawn from the statements' own generator. */
const CASES = 300;
/** Lower end of the ratio axis: smaller ratios (both exponentials ~ 0 at large t ||A||^2) are counted, not drawn. */
const FLOOR = 1e-6;

/**
 * Plot (c): Lemma 3.3 tightness, ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| / (2 sqrt(t) ||B||), against the
 * dimensionless time t ||A||^2, for cases drawn from `matrixCaseArb` (the generator of the property tests) with
 * the report seed. Rules: ratio 1 (Lemma 3.3's bound) and the level of eq. (25)'s sharper bound in the same
 * units (the ratio of the two registry bounds, not a restated constant).
 */
export function lemma33RatiosPlot(seed: number): Plot {
  const lemmaReading = readingNamed(lemma33, 'restored');
  const sharperReading = readingNamed(eq25, 'restored');
  const rows: { tA2: number; ratio: number; mode: string }[] = [];
  let sharperLevel = NaN;
  let degenerate = 0;
  let belowFloor = 0;
  for (const c of fc.sample(matrixCaseArb(), { seed, numRuns: CASES })) {
    const m = lemma33.measure(c).tight;
    const b = lemmaReading.bound(m);
    const ratio = b.lhs / b.rhs;
    if (!(Number.isFinite(ratio) && ratio > 0 && m.normA > 0)) degenerate++;
    else if (ratio < FLOOR) belowFloor++;
    else rows.push({ tA2: m.t * m.normA ** 2, ratio, mode: c.mode });
    if (Number.isNaN(sharperLevel) && b.rhs > 0) sharperLevel = sharperReading.bound(m).rhs / b.rhs;
  }
  const worst = Math.max(...rows.map((r) => r.ratio));
  const notes = [
    ...(belowFloor > 0 ? [`${belowFloor} cases with ratio < ${FLOOR} (large t ||A||^2: both exponentials vanish) lie below the axis.`] : []),
    ...(degenerate > 0 ? [`${degenerate} cases omitted (B = 0, A = 0 or a zero gap: no ratio on log axes).`] : []),
  ];
  return {
    name: 'lemma-3.3-ratios',
    title: 'Lemma 3.3: measured / bound against t ||A||^2',
    caption:
      `${CASES} cases (A, B, t) from the property tests' generator (seed ${seed}): the gap ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| over ` +
      "Lemma 3.3's bound 2 sqrt(t) ||B||, against t ||A||^2, log-log; colour: how B was drawn (random, aligned B = sA, cancelling A + B ~ 0). " +
      `Solid rule: ratio 1, Lemma 3.3's bound. Dashed rule: ${significant(sharperLevel, 4)}, eq. (25)'s sharper bound 2 sqrt(2t/e) ||B|| in the same units. ` +
      `Largest ratio ${significant(worst, 4)}, below both. On the cancelling family the ratio is about sqrt(t ||A||^2) / 2 for small t ||A||^2 (gap ~ t ||A||^2); the bound is tightest near t ||A||^2 ~ 1.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Lemma 3.3 tightness vs t ||A||^2',
      ...CHART_SIZE,
      config: CHART_CONFIG,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 26, opacity: 0.75, clip: true },
          encoding: {
            x: logField('tA2', 't ||A||^2 (dimensionless time)'),
            y: { ...logField('ratio', 'gap / (2 sqrt(t) ||B||)'), scale: { type: 'log', domain: [FLOOR, 2] } },
            color: { field: 'mode', type: 'nominal', title: 'B drawn' },
            shape: { field: 'mode', type: 'nominal', title: 'B drawn' },
          },
        },
        {
          data: {
            values: [
              { y: 1, rule: 'Lemma 3.3 bound' },
              { y: sharperLevel, rule: 'eq. (25) bound' },
            ],
          },
          mark: { type: 'rule', color: 'black' },
          encoding: {
            y: { field: 'y', type: 'quantitative' },
            strokeDash: {
              field: 'rule',
              type: 'nominal',
              title: 'bound',
              scale: {
                range: [
                  [1, 0],
                  [5, 3],
                ],
              },
            },
          },
        },
      ],
    } as Plot['spec'],
    points: rows.length,
    notes,
  };
}

/** Builder of plot (c). */
export const lemma33Ratios: PlotBuilder = { name: 'lemma-3.3-ratios', build: (seed) => lemma33RatiosPlot(seed) };
