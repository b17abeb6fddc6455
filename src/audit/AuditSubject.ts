import { NtkInputError } from '../errors/NtkInputError.js';
import { describeThrown } from '../io/describeThrown.js';
import { MODULE } from '../io/importModule.js';
import type { AuditProblem } from './AuditProblem.js';
import type { AuditRhs, IntegratorModule } from './IntegratorModule.js';

/** One call of the audited `solve`: its result (a copy) and how many times it evaluated f. */
export interface SolveOutcome {
  readonly y: Float64Array;
  /** Every entry of y is finite. */
  readonly finite: boolean;
  /** Calls of f during this solve: the cost axis of the work-precision table. */
  readonly evaluations: number;
}

const isVectorLike = (value: unknown): value is ArrayLike<unknown> => Array.isArray(value) || value instanceof Float64Array;

/**
 * The integrator under audit, with the contract enforced at every call: `solve` gets a fresh copy of y0 and a
 * counting f that checks the length of the y it is given; the result must be an array (or Float64Array) of
 * numbers of the right length. A violated contract, or any exception out of `solve`, means the module cannot be
 * used: NtkInputError (`MODULE=path must be ...`), which the CLI reports as one line with exit code 2. A
 * non-finite result is not an error: it is returned (`finite: false`) for the audit to report.
 */
export class AuditSubject {
  readonly name: string;
  readonly claimedOrder: number;
  readonly #module: IntegratorModule;
  readonly #path: string;

  constructor(module: IntegratorModule, path: string) {
    this.#module = module;
    this.#path = path;
    this.name = module.name;
    this.claimedOrder = module.order;
  }

  /** Run `solve(f, t0, y0, t1, steps)` on `problem`. */
  solve(problem: AuditProblem, t0: number, y0: Float64Array, t1: number, steps: number): SolveOutcome {
    const call = `solve(f, ${t0}, ${y0.length <= 4 ? `[${y0.join(', ')}]` : `[${y0.length} numbers]`}, ${t1}, ${steps})`;
    let evaluations = 0;
    const f: AuditRhs = (t, y) => {
      evaluations++;
      if (!isVectorLike(y) || y.length !== problem.dim) throw this.#unusable(`whose solve calls f(t, y) with y an array of length ${problem.dim} (${call} passed ${describeVector(y)})`);
      return problem.rhs(t, y);
    };
    let out: unknown;
    try {
      out = this.#module.solve(f, t0, Array.from(y0), t1, steps);
    } catch (error) {
      if (error instanceof NtkInputError) throw error;
      throw this.#unusable(`whose solve does not throw (${call} threw ${describeThrown(error)})`);
    }
    if (!isVectorLike(out) || out.length !== y0.length || !Array.prototype.every.call(out, (x) => typeof x === 'number')) {
      throw this.#unusable(`whose solve returns y(t1) as an array of ${y0.length} number${y0.length === 1 ? '' : 's'} (${call} returned ${describeVector(out)})`);
    }
    const y = Float64Array.from(out as ArrayLike<number>);
    return { y, finite: y.every(Number.isFinite), evaluations };
  }

  #unusable(requirement: string): NtkInputError {
    return new NtkInputError(MODULE, this.#path, `an integrator module ${requirement}`);
  }
}

function describeVector(value: unknown): string {
  if (Array.isArray(value)) {
    const other = value.find((x) => typeof x !== 'number');
    return other === undefined || value.length === 0 ? `an array of length ${value.length}` : `an array holding a ${other === null ? 'null' : typeof other}`;
  }
  if (value instanceof Float64Array) return `a Float64Array of length ${value.length}`;
  return value === null ? 'null' : typeof value;
}
