import { significant } from '../../format/numbers.js';
import { performance } from 'node:perf_hooks';
import { gradientFlow, type GradientFlowResult } from '../../flow/gradientFlow.js';
import type { ExponentialMethodName } from '../../integrators/exponentialMethods/index.js';
import { kappa } from '../../flow/kappa.js';
import { solveRunPair, type Run } from '../../flow/Run.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { runBounds, type RunBound } from '../../statements/runBounds.js';
import { integerInRange } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { median } from '../../validate/median.js';
import { numberFlag, parseFlags } from '../parseFlags.js';
import { readInstanceFile } from '../readInstanceFile.js';

/** The JSON printed by `ntk-check solve --json` (a contract: names and shapes are fixed, fields may be added). */
export interface SolveReport {
  E: number;
  R0: number;
  kappa: number;
  lipDh: number;
  weightChange: number;
  linearWeightChange: number;
  rhsEvaluations: number;
  milliseconds: number;
  errorEstimate: number;
  /** Additional fields. */
  T: number;
  alpha: number;
  rtol: number;
  steps: number;
  trajectoryRadius: number;
  /** E of the solve at rtol itself (E above is from the 100x tighter re-solve). */
  EAtRtol: number;
  /** The bounds of Thm 1.2, Prop 1.1 (b) and eq. (19) on this run, with E / bound. */
  bounds: RunBound[];
  /** Median milliseconds of one solve of the nonlinear flow at --rtol alone (no certifying re-solve, no linear flow). */
  primaryMilliseconds: number;
  /** r(T) of that solve (one entry per output). */
  primaryResidual: number[];
  /** The integrator of the solve at --rtol (the re-solve uses the same): 'explicit', 'exponential' or 'switched'. */
  method: GradientFlowResult['method'];
  /** Its explicit tableau ('dopri5', 'vern6' or 'dop853'; with method 'exponential' the one the explicit path would have used). */
  tableau: GradientFlowResult['tableau'];
  /** Its exponential pair ('zb43' or 'exprk5s8'; with method 'explicit' the one the exponential path would have used). */
  exponentialMethod: ExponentialMethodName;
}

/**
 * The reported values come from the 100x tighter re-solve; errorEstimate = ||r_rtol(T) - r_tight(T)|| bounds
 * |E_rtol - E_tight| and, conservatively, the error of the tighter values.
 */
function report(pair: { primary: Run; tight: Run }, milliseconds: number, primaryMilliseconds: number): SolveReport {
  const run = pair.tight;
  const { instance } = run;
  const nonlinear = pair.primary.nonlinear;
  // Lip(Dh) on the ball the trajectory used (global for quadratic and scalar models).
  const lipDh = instance.model.lipDh(run.trajectoryRadius);
  return {
    E: run.E,
    R0: run.R0,
    kappa: kappa(instance.T, lipDh, run.R0, instance.alpha),
    lipDh,
    weightChange: run.weightChange,
    linearWeightChange: run.linearWeightChange,
    rhsEvaluations: nonlinear.rhsEvaluations + run.nonlinear.rhsEvaluations,
    milliseconds,
    errorEstimate: nonlinear.errorEstimate,
    T: instance.T,
    alpha: instance.alpha,
    rtol: nonlinear.rtol,
    steps: nonlinear.steps,
    trajectoryRadius: run.trajectoryRadius,
    EAtRtol: pair.primary.E,
    bounds: runBounds(run),
    primaryMilliseconds,
    primaryResidual: Array.from(nonlinear.rT),
    method: nonlinear.method,
    tableau: nonlinear.tableau,
    exponentialMethod: nonlinear.exponentialMethod as ExponentialMethodName, // gradientFlow always records it
  };
}

/** The human-readable table: one line per number, then one per bound with E / bound. */
function table(result: SolveReport): string[] {
  const { bounds, ...numbers } = result;
  return [
    ...Object.entries(numbers).map(([key, value]) => `${key.padEnd(20)} ${value}`),
    ...bounds.map((b) => {
      const value =
        b.bound === null
          ? 'outside its time limit (vacuous)'
          : `${b.bound}  E/bound ${significant(b.ratio ?? Number.NaN, 6)}${b.branch === undefined ? '' : ` (${b.branch} branch)`}`;
      return `${`${b.id} bound`.padEnd(20)} ${value}   ${b.formula}`;
    }),
  ];
}

export const solveCommand: Command = {
  name: 'solve',
  usage: 'solve --instance FILE.json [--rtol R] [--repeat N] [--json]',
  summary:
    'Solve one instance: the nonlinear flow (error-controlled) and its exact linearization; print E, R0, kappa, ... and E against the bounds of Thm 1.2, Prop 1.1 (b) and eq. (19).',
  flags: {
    '--instance FILE.json': 'the instance (format: schema/instance.schema.json; examples in examples/instances/)',
    '--rtol R': 'relative tolerance of the nonlinear solve (default 1e-10); the reported values come from a 100x tighter re-solve',
    '--repeat N': 'solve N times and report the median time (default 1)',
    '--json': 'print one JSON object {E, R0, kappa, lipDh, ..., bounds: [{id, reading, formula, bound, ratio, branch?}]}',
  },
  examples: ['solve --instance examples/instances/quadratic.json', 'solve --instance examples/instances/mean-field.json --json'],
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      instance: { type: 'string' },
      rtol: { type: 'string' },
      repeat: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (values.instance === undefined) throw new NtkInputError('--instance', undefined, 'a path to an instance JSON file');
    const instance = await readInstanceFile('--instance', values.instance);
    const rtol = numberFlag('rtol', values.rtol, 1e-10);
    const repeat = integerInRange('--repeat', numberFlag('repeat', values.repeat, 1), 1, 10_000);
    const times: number[] = [];
    let pair = solveRunPair(instance, { rtol });
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      pair = solveRunPair(instance, { rtol });
      times.push(performance.now() - start);
    }
    const primaryTimes: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      gradientFlow(instance, { rtol, estimateError: false });
      primaryTimes.push(performance.now() - start);
    }
    const result = report(pair, median(times), median(primaryTimes));
    if (values.json) io.out(JSON.stringify(result));
    else io.out(table(result).join('\n'));
    return EXIT.ok;
  },
};
