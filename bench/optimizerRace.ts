/**
 * `node dist/bench/optimizerRace.js [EVALUATIONS] [SEEDS]`: the race that picks each statement's default search
 * optimizer (src/search/defaultOptimizer.ts). For every holding reading with a paper constant, and every branch of
 * its bound, the (1+1)-ES from the generator's distribution ('evolution') and block-coordinate Nelder-Mead from
 * small shapes ('nelder-mead') search at the same number of measure() calls (default 3000) and seeds (default
 * 1,2,3); prints one JSON line per search and a summary per statement (mean worst ratio of each optimizer). A
 * benchmark, not a test: deterministic for its arguments, but minutes long.
 */
import { branchNames } from '../src/search/branchNames.js';
import { OPTIMIZERS } from '../src/search/Optimizer.js';
import { searchReport } from '../src/search/searchReport.js';
import { registry } from '../src/statements/registry.js';

const evaluations = Number(process.argv[2] ?? 3000);
const seeds = (process.argv[3] ?? '1,2,3').split(',').map(Number);
const only = process.argv[4]?.split(',');

for (const statement of registry.filter((s) => only === undefined || only.includes(s.id))) {
  for (const reading of statement.readings.filter((r) => r.expected === 'holds' && r.constants !== undefined)) {
    const branches = branchNames(statement, reading);
    for (const branch of branches.length === 0 ? [undefined] : branches) {
      const means: Record<string, number> = {};
      for (const optimizer of OPTIMIZERS) {
        const ratios = seeds.map((seed) => {
          const r = searchReport(statement, reading, { seed, evaluations, optimizer, ...(branch !== undefined && { branch }) });
          console.log(
            JSON.stringify({
              id: statement.id,
              reading: reading.name,
              branch: branch ?? 'none',
              optimizer,
              seed,
              worstRatio: r.worstRatio,
              certified: r.certified,
              ms: Math.round(r.milliseconds),
            }),
          );
          return r.certified ? r.worstRatio : 0;
        });
        means[optimizer] = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      }
      console.log(
        `# ${statement.id}/${reading.name} [${branch ?? 'none'}] at ${evaluations} evaluations, seeds ${seeds.join(',')}: ${OPTIMIZERS.map((o) => `${o} ${means[o]?.toPrecision(6)}`).join(', ')}`,
      );
    }
  }
}
