import fc from 'fast-check';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { STIFF_HORIZON } from '../src/flow/gradientFlow.js';
import { logUniform } from './logUniform.js';

/**
 * The dimensionless horizons tau = T lambda_max(K0) of the flow generators. The linearized flow relaxes for
 * tau >> 1, and from tau = STIFF_HORIZON (100) on `gradientFlow` solves on the exponential path (the explicit
 * one would need about tau / 3.3 stability-limited steps): a share of long horizons makes every flow statement
 * exercise that path, and the theory's claims about long T.
 */
export const HORIZONS = {
  /** Short horizons, log-uniform: both sides of tau = 1, solved by the explicit path. */
  short: [1e-3, STIFF_HORIZON] as const,
  /**
   * Share of the draws at a long horizon, log-uniform in [STIFF_HORIZON, maxTau]: a third, so that with the converse
   * family (whose horizon its construction fixes) a quarter of `instanceArb`'s cases are long.
   */
  longShare: 1 / 3,
  /** Default top of the long horizons (the quick and ci profiles; the deep profile asks for 1e5). */
  maxTau: 1e4,
  /** From here on a long horizon is 'very-long' (a coverage label). */
  veryLong: 1e3,
} as const;

/** What the size of a run (its profile) asks of the flow generators. */
export interface GeneratorSize {
  /** Top of the long horizons tau = T lambda_max(K0), at least STIFF_HORIZON. Default HORIZONS.maxTau (1e4). */
  readonly maxTau?: number;
  /**
   * Mix the long horizons in (default true); false: the short horizons alone (the targeted search's space: the
   * ratios' suprema are approached at tau <~ 1, where a long horizon would only spend its budget).
   */
  readonly longHorizons?: boolean;
}

/** The coverage classes of a horizon (see {@link horizonClass}), in order. */
export const HORIZON_CLASSES = ['short', 'long', 'very-long'] as const;

/** The top of the long horizons of `size`, validated (`name` is the API path of the constraint). */
export function maxTauOf(name: string, size: GeneratorSize): number {
  const maxTau = size.maxTau ?? HORIZONS.maxTau;
  if (!(maxTau >= STIFF_HORIZON && Number.isFinite(maxTau))) throw new NtkInputError(name, maxTau, `a finite number >= ${STIFF_HORIZON} (STIFF_HORIZON)`);
  return maxTau;
}

/** The tau box of a generator of this size: HORIZONS.short, up to maxTau with the long horizons. */
export function horizonRange(name: string, size: GeneratorSize): readonly [number, number] {
  return size.longHorizons === false ? HORIZONS.short : [HORIZONS.short[0], maxTauOf(name, size)];
}

/**
 * tau drawn from the horizon mixture: log-uniform over [STIFF_HORIZON, maxTau] for HORIZONS.longShare (1/3) of
 * the draws, log-uniform over HORIZONS.short for the rest (shrinking towards the short horizons); the short ones
 * alone when `size.longHorizons` is false. `name`: the API path of the constraints, for errors.
 */
export function horizonArb(name: string, size: GeneratorSize): fc.Arbitrary<number> {
  const short = logUniform(...HORIZONS.short);
  if (size.longHorizons === false) return short;
  const weight = Math.round(1 / HORIZONS.longShare);
  return fc.oneof({ arbitrary: short, weight: weight - 1 }, { arbitrary: logUniform(STIFF_HORIZON, maxTauOf(name, size)), weight: 1 });
}

/**
 * The coverage class of a horizon tau = T lambda_max(K0): 'short' below STIFF_HORIZON (the explicit path of
 * `gradientFlow`'s automatic choice), 'long' up to HORIZONS.veryLong, 'very-long' beyond (both on the
 * exponential path).
 */
export function horizonClass(tau: number): (typeof HORIZON_CLASSES)[number] {
  if (tau < STIFF_HORIZON) return 'short';
  return tau < HORIZONS.veryLong ? 'long' : 'very-long';
}
