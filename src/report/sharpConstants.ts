import { shellWord } from '../io/shellWord.js';
import type { WorstCaseDb } from '../io/worstCaseDb.js';
import type { AnyStatement } from '../statements/Statement.js';
import { describeCase } from './describeCase.js';
import type { SharpConstantEntry } from './ReportSummary.js';

/** The constant that makes a tightness ratio 1: c r for an upper bound (lhs <= c ...), c / r for a lower bound. */
function constantAt(relation: AnyStatement['relation'], paperConstant: number, ratio: number): number {
  return relation === '<=' ? paperConstant * ratio : paperConstant / ratio;
}

/**
 * The sharp-constant table: for every paper constant of a holding reading (`Reading.constants`), the stored worst
 * case of its branch (properties/worst-cases.json), the empirical constant it certifies — a lower bound on the
 * sharp constant of an upper bound (constant x worst ratio), an upper bound on the sharp constant of a lower bound
 * (constant / worst ratio) — the paper's constant over it, and the sharp value where theory gives it. Registry order.
 */
export function sharpConstants(statements: readonly AnyStatement[], db: WorstCaseDb): SharpConstantEntry[] {
  return statements.flatMap((statement) =>
    statement.readings
      .filter((r) => r.expected === 'holds')
      .flatMap((reading) =>
        (reading.constants ?? []).map((constant): SharpConstantEntry => {
          const stored = db[statement.id]?.[reading.name];
          const source = constant.branch === undefined ? stored : stored?.branches?.[constant.branch];
          const branch = constant.branch ?? 'none';
          const ratio = source?.ratio;
          const empiricalConstant = ratio === undefined || !(ratio > 0) ? null : constantAt(statement.relation, constant.value, ratio);
          const branchFlag = constant.branch === undefined ? '' : ` --branch ${shellWord(constant.branch)}`;
          return {
            statement: statement.id,
            branch,
            paperConstant: constant.value,
            empiricalConstant,
            certified: source?.certified ?? false,
            case: source?.case ?? null,
            reading: reading.name,
            symbol: constant.symbol,
            relation: statement.relation,
            ratio: ratio ?? null,
            paperOverEmpirical: empiricalConstant === null ? null : constant.value / empiricalConstant,
            instance: source === undefined ? '' : describeCase(source.case),
            replay: `npx ntk-check check ${statement.id} --reading ${reading.name} --runs 1 --json`,
            search:
              source === undefined
                ? ''
                : `npx ntk-check search ${statement.id} --reading ${reading.name}${branchFlag} --evaluations ${source.evaluations} --seed ${source.seed}`,
            ...(constant.sharp && {
              sharp: {
                ...constant.sharp,
                constant: constantAt(statement.relation, constant.value, constant.sharp.ratio),
                reached: ratio === undefined ? 0 : ratio / constant.sharp.ratio,
              },
            }),
          };
        }),
      ),
  );
}
