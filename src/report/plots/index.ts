import { converse } from './converse.js';
import { errorVsTime } from './errorVsTime.js';
import { lemma33Ratios } from './lemma33Ratios.js';
import { ntkParametrization } from './ntkParametrization.js';
import type { PlotBuilder } from '../../plot/Plot.js';

/** The report's figures, in the order index.md shows them: (a) E vs T, (b) converse, (c) Lemma 3.3, (d) NTK. */
export const PLOTS: readonly PlotBuilder[] = [errorVsTime, converse, lemma33Ratios, ntkParametrization];

export type { Plot, PlotBuilder, PlotTable } from '../../plot/Plot.js';
export { renderSvg, normalizeSvgIds } from '../../plot/renderSvg.js';
