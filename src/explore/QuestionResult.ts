import type { Plot } from '../plot/Plot.js';

/** A table of findings, cells formatted (the report's SectionTable shape). */
export interface FindingTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One open question's result: what index.md and the explore command show, its figure, and its data. */
export interface QuestionResult {
  readonly question: 'gd' | 'logistic' | 'edge';
  readonly title: string;
  /** The findings in words, with the measured numbers. */
  readonly paragraphs: readonly string[];
  readonly tables: readonly FindingTable[];
  readonly plot: Plot;
  /** Every conjecture's sanity mutant was refuted by its generator (true when the question has no conjecture). */
  readonly mutantsRefuted: boolean;
  readonly data: unknown;
}
