import { NtkInputError } from '../errors/NtkInputError.js';
import { oneOf } from '../validate/validators.js';

/**
 * Size of a run: `quick` for every commit, `ci` for CI, `deep` for sharded long runs, `mutation` for mutation
 * testing (every mutant reruns the suites that cover it: fewer runs, still every reading and mutant).
 */
export type ProfileName = 'quick' | 'ci' | 'deep' | 'mutation';

export interface Profile {
  readonly name: ProfileName;
  /** fast-check runs per statement reading. */
  readonly runs: number;
  /** Evaluations allowed for shrinking one counterexample (deterministic, unlike a time budget). */
  readonly shrinkEvaluations: number;
  /**
   * Top of the flow generators' long horizons tau = T lambda_max(K0) (`GeneratorSize`; a third of `instanceArb`'s
   * horizons are drawn log-uniformly in [1e2, maxTau], on the exponential path).
   */
  readonly maxTau: number;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  quick: { name: 'quick', runs: 100, shrinkEvaluations: 300, maxTau: 1e4 },
  ci: { name: 'ci', runs: 400, shrinkEvaluations: 1_000, maxTau: 1e4 },
  deep: { name: 'deep', runs: 4_000, shrinkEvaluations: 5_000, maxTau: 1e5 },
  mutation: { name: 'mutation', runs: 25, shrinkEvaluations: 30, maxTau: 1e4 },
});

/** The profile named by NTK_PROFILE (default quick). */
export function profileFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Profile {
  return PROFILES[oneOf('NTK_PROFILE', env.NTK_PROFILE ?? 'quick', ['quick', 'ci', 'deep', 'mutation'] as const)];
}

/** Seed used when none is given: the default run is reproducible bit for bit. */
export const DEFAULT_SEED = 20231129;

/** The seed named by NTK_SEED (`random` draws one from the clock), else DEFAULT_SEED. Runners print it. */
export function seedFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.NTK_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Date.now() % 2_147_483_647;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647) throw new NtkInputError('NTK_SEED', raw, 'an integer in [0, 2147483647]');
  return seed;
}
