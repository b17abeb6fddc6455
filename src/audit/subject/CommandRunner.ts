import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { NtkInputError } from '../../errors/NtkInputError.js';
import type { AuditProblem } from '../AuditProblem.js';
import { PROTOCOL, type ClientMessage } from './protocol.js';
import { readSolveResult } from './readSolveResult.js';
import { describeCall, type SolveCall, type SolveReply } from './SolveCall.js';
import type { SubjectMeta, SubjectRunner } from './SubjectRunner.js';

/** The `--command` parameter name in errors. */
export const COMMAND = '--command';

/** What a subprocess said last: a message, its end, or nothing within the deadline. */
type Heard =
  | { readonly kind: 'message'; readonly message: ClientMessage }
  | { readonly kind: 'bad-line'; readonly line: string }
  | { readonly kind: 'ended'; readonly detail: string }
  | { readonly kind: 'timeout' };

/** A running subprocess and its line queue. */
interface Process {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  waiting: (() => void) | undefined;
  ended: string | undefined;
  stderrTail: string;
}

const isNonFinite = (x: unknown) => x === null;

/**
 * An integrator in any language: a subprocess (`sh -c CMD`) that speaks the JSON-lines protocol of
 * docs/audit-protocol.md on stdin/stdout. ntk-check evaluates f for it (each `f` request is answered with `dy`),
 * so the program needs no physics. Every call has a deadline; a program past it is killed (SIGKILL) and a fresh
 * one is started for the next call, as is one that exits mid-solve.
 */
export class CommandRunner implements SubjectRunner {
  readonly parameter = COMMAND;
  readonly noun = 'an integrator program';
  readonly value: string;
  #process: Process | undefined;
  #meta: SubjectMeta | undefined;
  #nextId = 1;

  constructor(command: string) {
    this.value = command;
  }

  #spawn(): Process {
    const child = spawn(this.value, { shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const p: Process = { child, lines: [], waiting: undefined, ended: undefined, stderrTail: '' };
    createInterface({ input: child.stdout }).on('line', (line) => {
      p.lines.push(line);
      p.waiting?.();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      p.stderrTail = (p.stderrTail + chunk.toString()).slice(-2000);
    });
    child.stdin.on('error', () => {
      // EPIPE after the child died: reported through 'close'
    });
    child.on('error', (error) => {
      p.ended ??= `it could not be started (${error.message})`;
      p.waiting?.();
    });
    child.on('close', (code, signal) => {
      const last = p.stderrTail.trim().split('\n').pop() ?? '';
      p.ended ??= `the program exited (${signal === null ? `exit code ${code}` : `signal ${signal}`})${last === '' ? '' : `; its last stderr line: ${last.slice(0, 200)}`}`;
      p.waiting?.();
    });
    return p;
  }

  #send(p: Process, message: object): void {
    if (p.ended === undefined) p.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  /** The next line of the program, or its end, or the deadline (then the program is killed). */
  #hear(p: Process, deadline: number): Promise<Heard> {
    return new Promise((resolve) => {
      const check = () => {
        const line = p.lines.shift();
        if (line !== undefined) {
          p.waiting = undefined;
          clearTimeout(timer);
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            return resolve({ kind: 'bad-line', line });
          }
          const ok = typeof parsed === 'object' && parsed !== null && typeof (parsed as { type?: unknown }).type === 'string';
          return resolve(ok ? { kind: 'message', message: parsed as ClientMessage } : { kind: 'bad-line', line });
        }
        if (p.ended !== undefined) {
          p.waiting = undefined;
          clearTimeout(timer);
          resolve({ kind: 'ended', detail: p.ended });
        }
      };
      const timer = setTimeout(
        () => {
          p.waiting = undefined;
          this.#kill(p);
          resolve({ kind: 'timeout' });
        },
        Math.max(0, deadline - performance.now()),
      );
      p.waiting = check;
      check();
    });
  }

  #kill(p: Process): void {
    if (this.#process === p) this.#process = undefined;
    p.ended ??= 'killed';
    p.child.kill('SIGKILL');
  }

  #unusable(requirement: string): NtkInputError {
    return new NtkInputError(COMMAND, this.value, `${this.noun} ${requirement}`);
  }

  async #handshake(timeoutMs: number): Promise<{ p: Process; meta: SubjectMeta }> {
    const p = this.#spawn();
    this.#process = p;
    this.#send(p, { type: 'hello', protocol: PROTOCOL });
    const heard = await this.#hear(p, performance.now() + timeoutMs);
    const speaks = `that answers the hello with {"type":"hello","protocol":"${PROTOCOL}","name":...,"order":...,"adaptive":...} (docs/audit-protocol.md)`;
    if (heard.kind === 'timeout') throw this.#unusable(`${speaks} within the deadline (${timeoutMs / 1000} s, --timeout)`);
    if (heard.kind === 'ended') throw this.#unusable(`${speaks} (${heard.detail})`);
    if (heard.kind === 'bad-line') throw this.#unusable(`${speaks} (it wrote ${JSON.stringify(heard.line.slice(0, 80))})`);
    const m = heard.message;
    if (m.type !== 'hello') throw this.#unusable(`${speaks} (it sent a ${JSON.stringify(m.type)} message)`);
    if (m.protocol !== PROTOCOL) throw this.#unusable(`${speaks} (it speaks protocol ${JSON.stringify(m.protocol)})`);
    if (typeof m.name !== 'string' || m.name.trim() === '') throw this.#unusable(`${speaks} (its name is not a non-empty string)`);
    if (typeof m.order !== 'number' || !(m.order > 0) || !Number.isFinite(m.order))
      throw this.#unusable(`${speaks} (its order is ${JSON.stringify(m.order)}, not a finite number > 0)`);
    if (m.adaptive !== undefined && typeof m.adaptive !== 'boolean')
      throw this.#unusable(`${speaks} (its adaptive is ${JSON.stringify(m.adaptive)}, not true or false)`);
    return { p, meta: { name: m.name, order: m.order, adaptive: m.adaptive === true } };
  }

  async open(timeoutMs: number): Promise<SubjectMeta> {
    const { meta } = await this.#handshake(timeoutMs);
    this.#meta = meta;
    return meta;
  }

  async solve(problem: AuditProblem, call: SolveCall, timeoutMs: number): Promise<SolveReply> {
    const deadline = performance.now() + timeoutMs;
    const p = this.#process ?? (await this.#handshake(timeoutMs)).p;
    const id = this.#nextId++;
    const control = 'steps' in call.control ? { steps: call.control.steps } : { rtol: call.control.rtol, atol: call.control.atol };
    this.#send(p, { type: 'solve', id, t0: call.t0, y0: call.y0, t1: call.t1, ...control });
    const at = describeCall(call);
    let evaluations = 0;
    for (;;) {
      const heard = await this.#hear(p, deadline);
      if (heard.kind === 'timeout') return { status: 'timeout' };
      if (heard.kind === 'ended') {
        if (this.#process === p) this.#process = undefined;
        return { status: 'exited', detail: heard.detail };
      }
      const bad = (what: string): SolveReply => {
        this.#kill(p);
        return { status: 'unusable', requirement: `that speaks the protocol of docs/audit-protocol.md (during ${at} ${what})` };
      };
      if (heard.kind === 'bad-line') return bad(`it wrote ${JSON.stringify(heard.line.slice(0, 80))}, not a JSON message`);
      const m = heard.message;
      if (m.type === 'f') {
        const y = m.y;
        if (!Array.isArray(y) || y.length !== problem.dim || !y.every((v) => typeof v === 'number' || isNonFinite(v))) {
          this.#kill(p);
          return {
            status: 'unusable',
            requirement: `whose solve calls f(t, y) with y an array of ${problem.dim} numbers (${at} sent ${JSON.stringify(y)?.slice(0, 80)})`,
          };
        }
        if (typeof m.t !== 'number') return bad(`an f request had t = ${JSON.stringify(m.t)}`);
        evaluations++;
        const dy = problem.rhs(
          m.t,
          y.map((v) => (typeof v === 'number' ? v : NaN)),
        );
        this.#send(p, { type: 'f', dy: dy.map((v) => (Number.isFinite(v) ? v : null)) });
        continue;
      }
      if (m.id !== id) return bad(`a ${m.type} message had id ${JSON.stringify(m.id)}, not ${id}`);
      if (m.type === 'error')
        return { status: 'unusable', requirement: `whose solve does not fail (${at} reported the error ${JSON.stringify(String(m.message)).slice(0, 200)})` };
      if (m.type !== 'result') return bad(`it sent a ${JSON.stringify(m.type)} message`);
      const { type: _type, id: _id, ...result } = m;
      return readSolveResult(this.#meta?.adaptive === true ? result : result.y, call, evaluations, isNonFinite);
    }
  }

  async close(): Promise<void> {
    const p = this.#process;
    this.#process = undefined;
    if (p === undefined || p.ended !== undefined) return;
    this.#send(p, { type: 'bye' });
    p.child.stdin.end();
    const closed = new Promise<void>((resolve) => p.child.once('close', () => resolve()));
    const timer = setTimeout(() => p.child.kill('SIGKILL'), 2000);
    await closed;
    clearTimeout(timer);
  }
}
