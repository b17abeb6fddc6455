/**
 * thm-1.3 (precise) — Thm. 1.3, eq. (7) of the source, on its converse model in closed form (docs/theory.md),
 * evaluated with decimal.js at 50 significant digits (src/precise).
 * Statement: for the converse model h(w) = w/sqrt(T) + Lip(Dh) w^2/2, w0 = 0, y* = sqrt(2 R0),
 *   E(T) >= min(kappa sqrt(R0)/5, sqrt(R0)/5)               (Thm. 1.3, restored reading)
 * and, on the same model, E(T) <= min(6 kappa sqrt(R0), sqrt(8 R0)) (Thm. 1.2, restored reading).
 * Hypotheses: alpha, T, Lip(Dh), R0 > 0 (here log-uniform: alpha 1e-3..1e6, T 1e-4..1e6, Lip 1e-4..1e4,
 * R0 1e-6..1e6, so log10 kappa spans [-17, 16]). No time limit is needed: the closed form is global.
 * Sanity mutant: min(kappa, 1) sqrt(R0)/2 must be refuted (the true minimum ratio is ~0.409 at kappa = 1).
 * Also: E / sqrt(R0) depends on kappa only (scaling invariance), and the tightness min_kappa of
 * E / (min(kappa, 1) sqrt(R0)) from converseTightness().
 *
 * Soundness: every value is correctly rounded (src/precise/certifiedRound.ts) and rounding is monotone, so
 * `round(E) < round(bound)` implies `E < bound`, and `E >= bound` implies `round(E) >= round(bound)`:
 * comparing the 50-digit values certifies both verdicts. Replay with NTK_SEED=<seed>; size: NTK_PROFILE.
 * Generator: `logUniform` (built on fc.integer), not fc.double on the log10 scale — fc.double draws
 * uniformly over bit patterns, so ~90% of log10 draws fall within 1e-6 of 0 (every parameter ~ 1).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { logUniform } from '../arbitraries/logUniform.js';
import { profileFromEnv, seedFromEnv } from '../src/check/profile.js';
import { converseTightness } from '../src/precise/converseTightness.js';
import { PreciseConverse, type ConverseParams } from '../src/precise/PreciseConverse.js';

const profile = profileFromEnv();
const seed = seedFromEnv();

const params: fc.Arbitrary<ConverseParams> = fc.record({
  alpha: logUniform(1e-3, 1e6),
  T: logUniform(1e-4, 1e6),
  lip: logUniform(1e-4, 1e4),
  R0: logUniform(1e-6, 1e6),
});

/** A 120-digit context for exact-enough arithmetic on 50-digit results in the assertions. */
const H = Decimal.clone({ precision: 120 });

function report<Ts>(name: string, r: fc.RunDetails<Ts>, extra = ''): string {
  const verdict = r.failed ? 'refuted' : 'holds';
  const cx = r.failed ? ` counterexample=${JSON.stringify(r.counterexample)} path=${r.counterexamplePath}` : '';
  return `[ntk-check] thm-1.3-precise/${name}: verdict=${verdict} runs=${r.numRuns} seed=${r.seed}${extra}${cx}`;
}

describe('thm-1.3 (precise converse, 50 digits)', () => {
  test('restored readings hold: lowerBound <= E(T) <= upperBound, both branches of each min covered', () => {
    let worstLower = 0; // max lowerBound / E: the tightness of the >= statement
    let worstUpper = 0; // max E / upperBound
    const branches = { lowerKappa: 0, lowerOne: 0, upperKappa: 0, upperSqrt8: 0 };
    const result = fc.check(
      fc.property(params, (p) => {
        const model = new PreciseConverse(p);
        const { E, lowerBound, upperBound, kappa } = model;
        worstLower = Math.max(worstLower, new H(lowerBound).div(E).toNumber());
        worstUpper = Math.max(worstUpper, new H(E).div(upperBound).toNumber());
        branches[kappa.lt(1) ? 'lowerKappa' : 'lowerOne']++;
        branches[kappa.times(6).lt(H.sqrt(8)) ? 'upperKappa' : 'upperSqrt8']++;
        return E.gte(lowerBound) && E.lte(upperBound);
      }),
      { seed, numRuns: profile.runs },
    );
    const line = report(
      'restored',
      result,
      ` worstRatio(lower/E)=${worstLower.toPrecision(6)} worstRatio(E/upper)=${worstUpper.toPrecision(6)} branches=${JSON.stringify(branches)}`,
    );
    console.info(line);
    expect(result.failed, line).toBe(false);
    for (const [branch, count] of Object.entries(branches)) expect(count, `coverage ${branch}`).toBeGreaterThan(0);
  });

  test('sanity mutant min(kappa, 1) sqrt(R0)/2 is refuted by the same generator', () => {
    const result = fc.check(
      fc.property(params, (p) => {
        const model = new PreciseConverse(p);
        const mutant = Decimal.min(model.kappa, 1).times(new H(p.R0).sqrt()).div(2);
        return model.E.gte(mutant.toSignificantDigits(50));
      }),
      { seed, numRuns: profile.runs, endOnFailure: true },
    ); // no shrinking: ~2 500 more evaluations for a nicer example
    const kappa = result.counterexample === null ? '' : ` kappa=${new PreciseConverse(result.counterexample[0], { digits: 6 }).kappa.toString()}`;
    console.info(report('mutant-1/2', result, kappa));
    expect(result.failed).toBe(true);
  });

  test('E / sqrt(R0), kappa and c depend on kappa only (exact rescalings of alpha, T, Lip(Dh), R0)', () => {
    const scalings = fc.record({ mu: logUniform(1e-3, 1e3), lambda: logUniform(1e-3, 1e3), decades: fc.integer({ min: -5, max: 5 }) });
    const result = fc.check(
      fc.property(params, scalings, (p, { mu, lambda, decades }) => {
        // alpha -> alpha mu lambda, R0 -> R0 mu^2, T -> T lambda 10^k, lip -> lip 10^-k: kappa is unchanged exactly.
        const X = Decimal.clone({ precision: 1e9 }); // exact products of decimal inputs
        const scaled = {
          alpha: new X(p.alpha as number).times(mu).times(lambda),
          R0: new X(p.R0 as number).times(mu).times(mu),
          T: new X(p.T as number).times(lambda).times(new X(10).pow(decades)),
          lip: new X(p.lip as number).times(new X(10).pow(-decades)),
        };
        const [a, b] = [new PreciseConverse(p), new PreciseConverse(scaled)];
        const ratio = (m: PreciseConverse, R0: Decimal.Value): Decimal => new H(m.E).div(H.sqrt(R0));
        const close = ratio(a, p.R0 as number)
          .div(ratio(b, scaled.R0))
          .minus(1)
          .abs()
          .lt('1e-48');
        return a.kappa.eq(b.kappa) && a.c.eq(b.c) && close;
      }),
      { seed, numRuns: Math.max(20, profile.runs / 4) },
    );
    console.info(report('scaling-invariance', result));
    expect(result.failed).toBe(false);
  });

  test('converseTightness(): min over kappa of E / (min(kappa, 1) sqrt(R0)) is > 1/5 and in [0.35, 0.5]', () => {
    const { minRatio, atKappa } = converseTightness();
    console.info(`[ntk-check] thm-1.3-precise/tightness: minRatio=${minRatio.toPrecision(10)} atKappa=${atKappa.toPrecision(10)}`);
    expect(minRatio).toBeGreaterThan(1 / 5);
    expect(minRatio).toBeGreaterThanOrEqual(0.35);
    expect(minRatio).toBeLessThanOrEqual(0.5);
  });
});
