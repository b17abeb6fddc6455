/**
 * Audit of the certification (issue "certified means certified"): for every reading the registry records as refuted
 * and every sanity mutant, at seeds 1..5, check the reading, then re-judge its certified counterexample by every
 * method the case has, the decimal reference forced (`recheck(..., true)`), and verify that
 * - the reference confirms it (a violation beyond its uncertainty and the rounding level), and
 * - its margin is not within rounding of its operands (margin > 1e-12 x the bound's operand scale).
 * Prints one line per (reading, seed) and a summary; exit 1 on any failure.
 *
 * Run: `npm run build && node dist/bench/confirmCounterexamples.js [seeds]` (default 1,2,3,4,5).
 */
import { checkReading } from '../src/check/checkReading.js';
import { NOISE_FLOOR, operandScale, recheck } from '../src/check/judge.js';
import { PROFILES } from '../src/check/profile.js';
import { registry } from '../src/statements/registry.js';

const seeds = (process.argv[2] ?? '1,2,3,4,5').split(',').map(Number);
let failures = 0;
let checked = 0;
const byMethod: Record<string, number> = {};
for (const statement of registry) {
  const readings = [...statement.readings.filter((r) => r.expected === 'refuted'), statement.mutant];
  for (const reading of readings) {
    for (const seed of seeds) {
      const started = Date.now();
      const result = checkReading(statement, reading, {
        runs: PROFILES.quick.runs,
        seed,
        shrinkEvaluations: PROFILES.quick.shrinkEvaluations,
        worstCases: false,
      });
      const tag = `${statement.id}/${reading.name} seed=${seed}`;
      if (result.verdict !== 'refuted') {
        console.log(`${tag}: NOT REFUTED (${result.verdict}, undecided ${result.undecided})`);
        failures++;
        continue;
      }
      checked++;
      const cx = result.counterexample;
      const again = recheck(statement.relation, reading, statement.measure(statement.revive(cx.case)), 'final');
      const d = again.decidedBy;
      const scale = operandScale(again.bound);
      const aboveRounding = again.margin > NOISE_FLOOR * scale;
      const ok = again.verdict === 'violation' && aboveRounding;
      if (!ok) failures++;
      byMethod[d.method] = (byMethod[d.method] ?? 0) + 1;
      const method = `${d.method}${d.digits === undefined ? '' : ` ${d.digits} digits, error bound ${d.errorBound?.toExponential(2)}`}`;
      console.log(
        `${tag}: ${ok ? 'confirmed' : 'FAILED'} by ${method}; ratio ${again.ratio.toPrecision(8)}, margin ${again.margin.toExponential(3)} ` +
          `(${(again.margin / scale).toExponential(2)} of the operand scale ${scale.toExponential(2)}), uncertainty ${again.uncertainty.toExponential(2)} ` +
          `[${Date.now() - started} ms]`,
      );
    }
  }
}
console.log(`\n${checked} counterexamples re-judged, ${failures} failures; certified by: ${JSON.stringify(byMethod)}`);
process.exitCode = failures === 0 ? 0 : 1;
