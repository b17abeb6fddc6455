import type { JsonNumber } from '../format/numbers.js';
import type { Expectation, Relation, Verdict } from '../statements/Statement.js';
import type { ConverseTable } from './converseTable.js';
import type { PlotTable } from '../plot/Plot.js';
import type { ReportSection } from './ReportSection.js';

/** A number as summary.json stores it: finite numbers as numbers, others as 'Infinity' / '-Infinity' / 'NaN'. */
export type { JsonNumber };

/** One reading (or the sanity mutant) of a statement, as checked by the report. */
export interface ReadingEntry {
  readonly name: string;
  readonly role: 'reading' | 'mutant';
  readonly formula: string;
  readonly expected: Expectation;
  /** 'error': the check threw (a bug in the statement, not a verdict); 'undecided': no counterexample, undecided cases left. */
  readonly verdict: Verdict | 'undecided' | 'error';
  readonly matches: boolean;
  readonly runs: number;
  readonly discarded: number;
  readonly unsolved: number;
  readonly uncertain: number;
  /** Cases no method could settle (uncertain violations and unconfirmed passes); a holding reading must have none. */
  readonly undecided: number;
  /** The worst ratio is that of an undecided case. */
  readonly worstUndecided: boolean;
  /** Near-equality passes (ratio > 0.99), re-checked like violations, and how many of them were not confirmed. */
  readonly nearEqualities: number;
  readonly unconfirmedPasses: number;
  /** Largest measured / bound (bound / measured for lower bounds) over the evidence: the tightness. */
  readonly worstRatio: JsonNumber;
  /** Largest ratio per active branch of the bound ('none' for a bound without a min), keys sorted. */
  readonly worstRatioByBranch: Readonly<Record<string, JsonNumber>>;
  /** label -> value -> count, keys sorted; includes 'branch' (the active branch of a min). */
  readonly coverage: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Required coverage values never seen ('label=value'), for readings that held. */
  readonly missingCoverage: readonly string[];
  /** The committed counterexample of properties/errata.json was replayed first. */
  readonly replayed: boolean;
  readonly error?: string;
}

/** One statement of the registry with its checked readings. */
export interface StatementEntry {
  readonly id: string;
  readonly source: string;
  readonly relation: Relation;
  readonly summary: string;
  readonly readings: readonly ReadingEntry[];
}

/** A refuted reading with its shrunk, certified counterexample. */
export interface ErratumEntry {
  readonly id: string;
  readonly reading: string;
  readonly formula: string;
  readonly expected: Expectation;
  readonly lhs: JsonNumber;
  readonly rhs: JsonNumber;
  readonly branch: string;
  readonly ratio: JsonNumber;
  /** Violation at the tight measurement, and the measurement error it beats (certified: margin > uncertainty). */
  readonly margin: JsonNumber;
  readonly uncertainty: JsonNumber;
  /** The method that certified it (the decimal reference, with its digits and a posteriori error bound, when the case has one). */
  readonly certifiedBy: { readonly method: string; readonly digits?: number; readonly errorBound?: JsonNumber };
  /** One line: model family and sizes, alpha, T, R0 (or the matrix sizes, t and norms). */
  readonly instance: string;
  readonly seed: number;
  /** fast-check counterexample path. */
  readonly path: string;
  /** The command that replays the counterexample exactly (`npx ntk-check check ID --reading R --seed S --path P`). */
  readonly replay: string;
  /** The full case, as the statement's `describe` wrote it (replayable with `revive`). */
  readonly case: unknown;
}

/**
 * One paper constant against the search's stored worst case of its branch (summary.json `sharpConstants`; the
 * first six fields are the contract).
 */
export interface SharpConstantEntry {
  readonly statement: string;
  /** Branch of the bound's min ('none' for a bound without one). */
  readonly branch: string;
  readonly paperConstant: number;
  /**
   * The constant the worst certified case forces: a lower bound on the sharp constant of an upper bound (paper's x
   * worst ratio), an upper bound on the sharp constant of a lower bound (paper's / worst ratio). Null: no case stored.
   */
  readonly empiricalConstant: number | null;
  /** The worst case was certified (re-checked by an independent method, in its branch). */
  readonly certified: boolean;
  /** The worst case, as the statement's `describe` wrote it (null: none stored). */
  readonly case: unknown;
  readonly reading: string;
  /** The constant as the paper writes it. */
  readonly symbol: string;
  readonly relation: Relation;
  /** Worst tightness ratio of the branch (null: none stored). */
  readonly ratio: number | null;
  /** Paper's constant over the empirical one: how loose the paper's is, at least (upper bounds). */
  readonly paperOverEmpirical: number | null;
  /** One-line description of the case. */
  readonly instance: string;
  /** Replays the stored cases first (`worstRatioByBranch` shows the branch's ratio again). */
  readonly replay: string;
  /** The deterministic search that found the case. */
  readonly search: string;
  /** Where theory gives the sharp value: its ratio and constant, over which cases, why, and the share of it reached. */
  readonly sharp?: { readonly ratio: number; readonly constant: number; readonly scope: string; readonly reason: string; readonly reached: number };
}

/** A figure of the report. */
export interface PlotEntry {
  readonly file: string;
  readonly title: string;
  readonly caption: string;
  readonly points: number;
  readonly notes: readonly string[];
  readonly table?: PlotTable;
}

/** An extra section (e.g. the open questions): what index.md shows of it, and its data. */
export type SectionEntry = Omit<ReportSection, 'plots'> & { readonly name: string; readonly plots: readonly PlotEntry[] };

/** Everything the report says, in the order index.md says it: the content of summary.json. */
export interface ReportSummary {
  readonly generator: string;
  /** The profile's name, runs per reading and shrink budget (evaluations per counterexample). */
  readonly profile: { readonly name: string; readonly runs: number; readonly shrinkEvaluations: number };
  readonly seed: number;
  /** Every reading has the registry's verdict and every mutant is refuted. */
  readonly ok: boolean;
  readonly mismatches: readonly string[];
  readonly warnings: readonly string[];
  readonly statements: readonly StatementEntry[];
  readonly errata: readonly ErratumEntry[];
  /** The paper's constants against the worst certified cases of properties/worst-cases.json. */
  readonly sharpConstants: readonly SharpConstantEntry[];
  readonly converse: ConverseTable;
  readonly plots: readonly PlotEntry[];
  /** Extra sections, when the report was built with some (`ReportOptions.sections`). */
  readonly sections?: readonly SectionEntry[];
}
