import { describeThrown } from '../../io/describeThrown.js';
import type { AuditedModule } from '../AuditedModule.js';
import type { AuditProblem } from '../AuditProblem.js';
import type { AuditRhs } from '../IntegratorModule.js';
import { describeCall, type SolveCall, type SolveReply } from './SolveCall.js';
import { describeVector, readSolveResult } from './readSolveResult.js';

/** Thrown out of f to stop a solve that broke the contract; never seen by ntk-check's caller. */
class ContractBreach extends Error {
  constructor(readonly requirement: string) {
    super(requirement);
  }
}

/**
 * Call a loaded module's solve on `problem` (in this thread) and check the contract: solve gets a fresh copy of
 * y0 and a counting f that checks the y it is given; any exception out of solve, a y of the wrong length passed
 * to f, or a result of the wrong shape is `unusable`. Shared by the in-process runner and the worker.
 */
export function callSolve(module: AuditedModule, problem: AuditProblem, call: SolveCall): SolveReply {
  let evaluations = 0;
  const f: AuditRhs = (t, y) => {
    evaluations++;
    if (!(Array.isArray(y) || (y as unknown) instanceof Float64Array) || y.length !== problem.dim) {
      throw new ContractBreach(`whose solve calls f(t, y) with y an array of length ${problem.dim} (${describeCall(call)} passed ${describeVector(y)})`);
    }
    return problem.rhs(t, y);
  };
  let out: unknown;
  try {
    const y0 = Array.from(call.y0);
    const solve = module.solve as (...args: unknown[]) => unknown;
    out = solve.call(module, f, call.t0, y0, call.t1, 'steps' in call.control ? call.control.steps : { ...call.control });
  } catch (error) {
    if (error instanceof ContractBreach) return { status: 'unusable', requirement: error.requirement };
    return { status: 'unusable', requirement: `whose solve does not throw (${describeCall(call)} threw ${describeThrown(error)})` };
  }
  return readSolveResult(out, call, evaluations);
}
