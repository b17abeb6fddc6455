import { worstCaseEntry } from './refreshWorstCases.js';
import type { SearchReport } from './searchReport.js';
import type { BranchWorstEntry, WorstCaseEntry } from '../io/worstCaseDb.js';

/**
 * A stored entry updated with one search (`search ID --write`): the worse of the stored and the new worst case, and
 * per branch the worse of the stored and the new one (the searched branch of a `--branch` search, else every
 * certified branch worst the search met), so the database keeps the hardest case known of each.
 */
export function mergeWorstCase(previous: WorstCaseEntry | undefined, report: SearchReport): WorstCaseEntry | undefined {
  const fresh = worstCaseEntry(report);
  const kept = fresh === undefined || (previous !== undefined && previous.ratio >= fresh.ratio) ? previous : fresh;
  if (kept === undefined) return undefined;
  const found: [string, BranchWorstEntry][] =
    report.branch === undefined
      ? Object.entries(report.branches)
          .filter(([name, b]) => name !== 'none' && b.certified)
          .map(([name, b]) => [name, { case: b.instance, ratio: b.worstRatio, certified: true, seed: report.seed, evaluations: report.evaluations }])
      : report.instance === null
        ? []
        : [
            [
              report.branch,
              { case: report.instance, ratio: report.worstRatio, certified: report.certified, seed: report.seed, evaluations: report.evaluations },
            ],
          ];
  const branches: Record<string, BranchWorstEntry> = { ...previous?.branches };
  for (const [name, b] of found) if (!((branches[name]?.ratio ?? -Infinity) >= b.ratio)) branches[name] = b;
  const { branches: _dropped, ...rest } = kept;
  return Object.keys(branches).length === 0 ? rest : { ...rest, branches };
}
