import { NtkInputError } from '../errors/NtkInputError.js';
import type { Tolerances } from './AdaptiveIntegratorModule.js';
import type { AuditProblem } from './AuditProblem.js';
import { describeCall, type SolveCall, type SolveControl } from './subject/SolveCall.js';
import type { SubjectMeta, SubjectRunner } from './subject/SubjectRunner.js';

/** One call of the audited `solve` that returned: its result (a copy) and how many times it evaluated f. */
export interface SolvedOutcome {
  readonly status: 'solved';
  readonly y: Float64Array;
  /** Every entry of y is finite. */
  readonly finite: boolean;
  /** Calls of f during this solve: the cost axis of the work-precision data. */
  readonly evaluations: number;
  /** What an adaptive solve reported about itself (see `AdaptiveSolution`). */
  readonly errorEstimate?: number;
  readonly acceptedSteps?: number;
  readonly rejectedSteps?: number;
}

/** How a subject failed to answer a call (see `AuditSubject`). */
export type FailureKind = 'hangs' | 'too-slow' | 'exits' | 'crash';

/** A call the subject did not answer: past its deadline, or it exited or crashed. */
export interface SubjectFailure {
  readonly kind: FailureKind;
  /** The call, as `solve(f, t0, y0, t1, 128)`. */
  readonly call: string;
  readonly control: SolveControl;
  /** What happened, in words. */
  readonly detail: string;
}

/** A call that got no result: it failed, or it was not made because a smaller one had failed (`skipped`). */
export interface FailedOutcome {
  readonly status: 'failed';
  readonly failure: SubjectFailure;
  readonly skipped: boolean;
}

/** The outcome of one call of the audited solve. */
export type SolveOutcome = SolvedOutcome | FailedOutcome;

/** Deadlines and limits of the calls into a subject. */
export interface SubjectLimits {
  /** Deadline of one solve (and of loading the subject), milliseconds; Infinity for none. */
  readonly timeoutMs: number;
}

/** After this many failed calls, no further call is made (each may cost a whole deadline). */
const MAX_FAILURES = 3;
/**
 * A call past its deadline "hangs" when the last answered call, scaled to this one's size (linearly in the steps;
 * x10 per decade of tolerance), predicts less than 1/SLOW_MARGIN of the deadline; otherwise it is "too slow".
 */
const SLOW_MARGIN = 4;

/** The size of a call for cost scaling: steps, or 1/rtol per decade (a tenfold tighter tolerance costs at most 10x). */
const sizeOf = (control: SolveControl) => ('steps' in control ? control.steps : 1 / control.rtol);

/** `control` is at least as demanding as `failed`: more steps, or a tolerance as tight. */
const atLeastAsHard = (control: SolveControl, failed: SolveControl) => sizeOf(control) >= sizeOf(failed);

/**
 * The integrator under audit, whichever runner runs it (in-process, worker thread, subprocess), with the contract
 * enforced at every call: a broken contract (a throwing solve, a result of the wrong shape, ...) means the
 * subject cannot be used: NtkInputError (`MODULE=path must be an integrator module whose ...`, or `--command=...`),
 * which the CLI reports as one line with exit code 2. A non-finite result is not an error: it is returned
 * (`finite: false`) for the audit to report. A call past its deadline, or during which the subject exits or
 * crashes, is a {@link SubjectFailure} (kept in `failures`); after one, every call at least as demanding (as
 * many steps or more, as tight a tolerance or tighter) is skipped, and after {@link MAX_FAILURES} all are.
 */
export class AuditSubject {
  readonly name: string;
  readonly claimedOrder: number;
  readonly adaptive: boolean;
  /** Every call that failed, in order. */
  readonly failures: SubjectFailure[] = [];
  /** Calls skipped after a failure. */
  skipped = 0;
  readonly #runner: SubjectRunner;
  readonly #limits: SubjectLimits;
  #last: { size: number; ms: number } | undefined;

  private constructor(runner: SubjectRunner, meta: SubjectMeta, limits: SubjectLimits) {
    this.#runner = runner;
    this.#limits = limits;
    this.name = meta.name;
    this.claimedOrder = meta.order;
    this.adaptive = meta.adaptive;
  }

  /** Start the subject and read what it declares (NtkInputError when it cannot be used). */
  static async open(runner: SubjectRunner, limits: SubjectLimits): Promise<AuditSubject> {
    return new AuditSubject(runner, await runner.open(limits.timeoutMs), limits);
  }

  /** Run `solve(f, t0, y0, t1, steps)` (fixed-step contract) on `problem`. */
  solve(problem: AuditProblem, t0: number, y0: Float64Array, t1: number, steps: number): Promise<SolveOutcome> {
    return this.#call(problem, { t0, y0: Array.from(y0), t1, control: { steps } });
  }

  /** Run `solve(f, t0, y0, t1, { rtol, atol })` (adaptive contract) on `problem`. */
  solveTo(problem: AuditProblem, t0: number, y0: Float64Array, t1: number, tolerances: Tolerances): Promise<SolveOutcome> {
    return this.#call(problem, { t0, y0: Array.from(y0), t1, control: { rtol: tolerances.rtol, atol: tolerances.atol } });
  }

  /** Release the worker or subprocess. */
  close(): Promise<void> {
    return this.#runner.close();
  }

  async #call(problem: AuditProblem, call: SolveCall): Promise<SolveOutcome> {
    const blocking = this.failures.length >= MAX_FAILURES ? this.failures[0] : this.failures.find((f) => atLeastAsHard(call.control, f.control));
    if (blocking !== undefined) {
      this.skipped++;
      return { status: 'failed', failure: blocking, skipped: true };
    }
    const start = performance.now();
    const reply = await this.#runner.solve(problem, call, this.#limits.timeoutMs);
    const ms = performance.now() - start;
    switch (reply.status) {
      case 'solved': {
        this.#last = { size: sizeOf(call.control), ms };
        const y = Float64Array.from(reply.y);
        const { status: _status, y: _y, ...rest } = reply;
        return { status: 'solved', y, finite: y.every(Number.isFinite), ...rest };
      }
      case 'unusable':
        throw new NtkInputError(this.#runner.parameter, this.#runner.value, `${this.#runner.noun} ${reply.requirement}`);
      case 'timeout':
        return this.#fail(call, this.#timeoutKind(call.control), `did not return within the deadline of ${this.#limits.timeoutMs / 1000} s (--timeout)`);
      case 'exited':
        return this.#fail(call, 'exits', reply.detail);
      case 'crashed':
        return this.#fail(call, 'crash', reply.detail);
    }
  }

  #timeoutKind(control: SolveControl): FailureKind {
    if (this.#last === undefined) return 'hangs';
    const predicted = (this.#last.ms * sizeOf(control)) / this.#last.size;
    return predicted * SLOW_MARGIN < this.#limits.timeoutMs ? 'hangs' : 'too-slow';
  }

  #fail(call: SolveCall, kind: FailureKind, detail: string): FailedOutcome {
    const failure: SubjectFailure = { kind, call: describeCall(call), control: call.control, detail };
    this.failures.push(failure);
    return { status: 'failed', failure, skipped: false };
  }
}
