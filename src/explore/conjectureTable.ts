import { compact } from '../format/numbers.js';
import { caseLine } from './format.js';
import type { FindingTable } from './QuestionResult.js';
import type { ConjectureFinding } from './runConjecture.js';

/** The replay command of a question's run at a seed. */
export function replayCommand(question: string, seed: number): string {
  return `npx ntk-check explore ${question} --seed ${seed}`;
}

/**
 * The table of a question's conjectures: reading, verdict so far, runs (generated + searched), worst ratio, the
 * certified counterexample and its replay command.
 */
export function conjectureTable(caption: string, question: string, findings: readonly ConjectureFinding[]): FindingTable {
  return {
    caption,
    columns: ['conjecture', 'reading', 'verdict so far', 'runs (check + search)', 'worst ratio', 'counterexample (certified)', 'mutant', 'replay'],
    rows: findings.map((f) => {
      const cx = f.counterexample;
      const counterexample =
        cx === undefined
          ? 'none found'
          : `${caseLine(cx.case)}: lhs ${compact(cx.bound.lhs, 6)} > rhs ${compact(cx.bound.rhs, 6)} (ratio ${compact(cx.ratio, 6)}; margin ${compact(cx.margin, 3)} > uncertainty ${compact(cx.uncertainty, 3)}; ${cx.by === 'check' ? 'shrunk' : 'search worst'})`;
      const notes = [f.unsolved > 0 ? `${f.unsolved} unsolved` : '', f.uncertain > 0 ? `${f.uncertain} uncertain` : ''].filter((s) => s !== '').join(', ');
      return [
        `\`${f.id}\``,
        `\`${f.formula}\``,
        f.verdict === 'refuted' ? '**refuted**' : f.verdict,
        `${f.runs} + ${f.search.evaluations}${notes === '' ? '' : ` (${notes})`}`,
        compact(f.worstRatio, 6),
        counterexample,
        f.mutant,
        `\`${replayCommand(question, f.seed)}\`${cx?.path ? ` (fast-check path ${cx.path.length > 40 ? `${cx.path.slice(0, 40)}...` : cx.path})` : ''}`,
      ];
    }),
  };
}
