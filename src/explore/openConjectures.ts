import type { Counterexample } from '../check/checkReading.js';
import type { ErrataDb } from '../check/errataDb.js';
import type { Profile } from '../check/profile.js';
import type { AnyStatement } from '../statements/Statement.js';
import { gd1, gd2, gd2Lazy } from './gd/gdConjectures.js';
import { gd3 } from './gd/gd3.js';
import { ce1 } from './logistic/logisticStudy.js';
import { runConjecture } from './runConjecture.js';

/** Every conjecture of the open questions (expectation 'open'), in the order the report shows them. */
export const OPEN_CONJECTURES: readonly AnyStatement[] = [gd1, gd2, gd2Lazy, gd3, ce1] as readonly AnyStatement[];

/**
 * The errata entries of the open conjectures: each is checked and searched (`runConjecture`) at the profile and
 * seed, and a certified counterexample is kept under its statement id and reading name, in the shape of
 * properties/errata.json (`ntk-check errata --write` merges them in). Conjectures that survive get no entry.
 */
export function collectOpenErrata(profile: Profile, seed: number): ErrataDb {
  const errata: Record<string, Record<string, Counterexample>> = {};
  for (const statement of OPEN_CONJECTURES) {
    const finding = runConjecture(statement, { profile, seed });
    if (finding.counterexample === undefined) continue;
    const { by: _by, ...counterexample } = finding.counterexample;
    errata[statement.id] = { [finding.reading]: counterexample };
  }
  return errata;
}
