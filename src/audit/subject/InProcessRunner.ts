import { MODULE } from '../../io/importModule.js';
import { isAdaptive, type AuditedModule } from '../AuditedModule.js';
import type { AuditProblem } from '../AuditProblem.js';
import { callSolve } from './callSolve.js';
import type { SolveCall, SolveReply } from './SolveCall.js';
import type { SubjectMeta, SubjectRunner } from './SubjectRunner.js';

/**
 * A module object run in this thread: for library use and tests of in-memory integrators. There is no deadline
 * here (synchronous code cannot be interrupted in its own thread): `ntk-check audit` runs modules in a worker.
 */
export class InProcessRunner implements SubjectRunner {
  readonly parameter = MODULE;
  readonly noun = 'an integrator module';
  readonly value: string;
  readonly #module: AuditedModule;

  constructor(module: AuditedModule, source: string) {
    this.#module = module;
    this.value = source;
  }

  async open(): Promise<SubjectMeta> {
    const m = this.#module;
    return { name: m.name, order: m.order, adaptive: isAdaptive(m) };
  }

  async solve(problem: AuditProblem, call: SolveCall): Promise<SolveReply> {
    return callSolve(this.#module, problem, call);
  }

  async close(): Promise<void> {
    // nothing to release: the integrator runs in this process
  }
}
