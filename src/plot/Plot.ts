import type { TopLevelSpec } from 'vega-lite';

/** A small table of the numbers behind a plot, shown under it in index.md (cells already formatted). */
export interface PlotTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * One figure of the report: a vega-lite spec with its data inlined (plain JSON, so it can cross a worker
 * boundary), what it shows, and what was left out of it.
 */
export interface Plot {
  /** File stem: the SVG is written as `<name>.svg`. */
  readonly name: string;
  readonly title: string;
  /** One paragraph for index.md: what is plotted and what to look for. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
  /** Data points drawn (measured points and bound samples). */
  readonly points: number;
  /** Honest remarks: omitted points and why, hypotheses that did not hold, ... */
  readonly notes: readonly string[];
  readonly table?: PlotTable;
}

/** A plot of the report and how to build it from the report seed (deterministic for a seed). */
export interface PlotBuilder {
  readonly name: string;
  build(seed: number): Plot;
}
