import type { Profile } from '../check/profile.js';
import type { Plot, PlotTable } from '../plot/Plot.js';

/** A table of a report section, cells already formatted. */
export interface SectionTable extends PlotTable {
  readonly caption: string;
}

/**
 * An extra section of the report, built by a layer beside the report (e.g. the open questions of src/explore)
 * and handed in through `ReportOptions.sections`: text, tables and figures for index.md, and its data for
 * summary.json. Everything in it must be a function of the profile and the seed.
 */
export interface ReportSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly SectionTable[];
  readonly plots: readonly Plot[];
  /** Machine-readable findings (summary.json, under `sections`). */
  readonly data: unknown;
}

/** How to build a section: deterministic for (profile, seed). */
export interface ReportSectionBuilder {
  readonly name: string;
  build(profile: Profile, seed: number): ReportSection;
}
