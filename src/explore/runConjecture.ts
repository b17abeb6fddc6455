import { checkReading, type Counterexample } from '../check/checkReading.js';
import type { ErrataDb } from '../check/errataDb.js';
import { certifyCase } from '../search/certifyCase.js';
import { searchWorst } from '../search/searchWorst.js';
import type { Reading, Statement } from '../statements/Statement.js';
import type { ExploreOptions } from './ExploreOptions.js';

/** Targeted-search evaluations per conjecture, as a multiple of the profile's runs. */
const SEARCH_PER_RUN = 2;

/** What the checks of one open conjecture found: judged over the generator, and by the targeted search. */
export interface ConjectureFinding {
  readonly id: string;
  readonly reading: string;
  readonly formula: string;
  readonly expected: 'open';
  /** 'refuted': a certified counterexample; 'survives': none found by the check and the search so far. */
  /** 'undecided': no counterexample, but generated cases that no method could settle remain (never a survival). */
  readonly verdict: 'refuted' | 'survives' | 'undecided';
  /** Generated cases judged, cases whose measurement failed or was unresolved, and violations within the error. */
  readonly runs: number;
  readonly unsolved: number;
  readonly uncertain: number;
  /** Generated cases no method could settle (a conjecture with any left is 'undecided', never 'survives'). */
  readonly undecided: number;
  /** Largest tightness ratio over the generated cases and the search. */
  readonly worstRatio: number;
  /** The search's worst case re-checked: `certified` when its verdict (pass or violation) beats its uncertainty. */
  readonly search: { readonly evaluations: number; readonly worstRatio: number; readonly certified: boolean };
  /** The certified counterexample: shrunk when the generated check found it, the search's worst otherwise. */
  readonly counterexample?: Counterexample & { readonly by: 'check' | 'search' };
  /** The sanity mutant's verdict over the same generator (must be 'refuted'). */
  readonly mutant: 'holds' | 'refuted' | 'undecided';
  /** Coverage of the generated cases (label -> value -> count). */
  readonly coverage: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly seed: number;
}

/**
 * Check an open conjecture the way the suite checks a reading — the generator's cases judged with certification,
 * a counterexample shrunk (`checkReading`; a stored errata entry is replayed first) — then run the targeted search
 * (`searchWorst`) for its largest ratio and certify the search's worst case (`certifyCase`). Also checks the sanity
 * mutant over the same generator. Never throws for a refutation: that is the finding.
 */
export function runConjecture<C, M>(statement: Statement<C, M>, options: ExploreOptions, errata: ErrataDb = {}): ConjectureFinding {
  const reading = statement.readings[0] as Reading<M>;
  const { profile, seed } = options;
  const stored = errata[statement.id]?.[reading.name];
  const examples = stored === undefined ? [] : [statement.revive(stored.case)];
  const check = checkReading(statement, reading, { runs: profile.runs, seed, shrinkEvaluations: profile.shrinkEvaluations, worstCases: false, examples });
  const mutant = checkReading(statement, statement.mutant, { runs: profile.runs, seed, shrinkEvaluations: 0, worstCases: false });
  const found = searchWorst(statement, reading, {
    seed,
    evaluations: SEARCH_PER_RUN * profile.runs,
    ...(options.searchMilliseconds !== undefined && { milliseconds: options.searchMilliseconds }),
  });
  const certification = found.worst === undefined ? undefined : certifyCase(statement, reading, found.worst.case);
  // The judge's criterion: the violation exceeds its uncertainty (re-solve difference, decimal reference, rounding).
  const searchRefutes = certification !== undefined && certification.verdict === 'violation' && certification.margin > certification.uncertainty;
  let counterexample: ConjectureFinding['counterexample'];
  if (check.verdict === 'refuted') counterexample = { ...check.counterexample, by: 'check' };
  else if (searchRefutes && found.worst !== undefined) {
    const bound = reading.bound(statement.measure(found.worst.case).tight);
    counterexample = {
      case: statement.describe(found.worst.case),
      bound,
      ratio: certification.ratio,
      margin: certification.margin,
      uncertainty: certification.uncertainty,
      certifiedBy: certification.decidedBy,
      seed,
      path: '',
      example: 0,
      by: 'search',
    };
  }
  return {
    id: statement.id,
    reading: reading.name,
    formula: reading.formula,
    expected: 'open',
    verdict: counterexample === undefined ? (check.undecided > 0 ? 'undecided' : 'survives') : 'refuted',
    runs: check.runs,
    unsolved: check.unsolved,
    uncertain: check.uncertain,
    undecided: check.undecided,
    worstRatio: Math.max(check.worstRatio, found.worstRatio),
    search: {
      evaluations: found.evaluations,
      worstRatio: found.worstRatio,
      certified: certification !== undefined && Math.abs(certification.margin) > certification.uncertainty,
    },
    ...(counterexample && { counterexample }),
    mutant: mutant.verdict,
    coverage: check.coverage,
    seed,
  };
}
