import { Worker } from 'node:worker_threads';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { describeThrown } from '../../io/describeThrown.js';
import { MODULE } from '../../io/importModule.js';
import type { AuditProblem } from '../AuditProblem.js';
import type { SolveCall, SolveReply } from './SolveCall.js';
import type { SubjectMeta, SubjectRunner } from './SubjectRunner.js';
import type { FromWorker, ToWorker } from './workerMessages.js';

/**
 * Started from TypeScript sources (the test suite), the worker cannot load `subjectWorker.ts` by itself: this
 * bootstrap registers tsx's ESM loader in the worker (the same maintained loader `importModule` uses for a user's
 * .ts file), then imports the entry. The built package runs `subjectWorker.js` directly.
 */
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();
`;

function startWorker(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, memoryMb / 8)) };
  // The subject's console output goes to stderr: stdout carries the report (--json).
  const streams = { stdout: true, stderr: true };
  let worker: Worker;
  if (import.meta.url.endsWith('.js')) {
    worker = new Worker(new URL('./subjectWorker.js', import.meta.url), { resourceLimits, ...streams });
  } else {
    // The ESM entry: tsx's CommonJS build of this API registers its loader relative to the wrong folder.
    const tsx = import.meta.resolve('tsx/esm/api');
    const workerData = { tsx, entry: new URL('./subjectWorker.ts', import.meta.url).href };
    worker = new Worker(TS_BOOTSTRAP, { eval: true, workerData, resourceLimits, ...streams });
  }
  worker.stdout.pipe(process.stderr, { end: false });
  worker.stderr.pipe(process.stderr, { end: false });
  return worker;
}

/**
 * Added to the deadline of loading the module: starting a worker (from TypeScript sources, loading the compiler)
 * is ntk-check's cost, not the subject's, and on a busy machine it takes seconds.
 */
const WORKER_START_MS = 60_000;

interface Ending {
  readonly status: 'exited' | 'crashed';
  readonly detail: string;
}

/** A live worker, its pending request, and the problems it already knows. */
interface Live {
  readonly worker: Worker;
  readonly known: Set<number>;
  pending: ((message: FromWorker | Ending) => void) | undefined;
  ended: Ending | undefined;
}

/**
 * A JavaScript module run in a worker thread (node:worker_threads), with a deadline on every call and the worker's
 * memory capped (`resourceLimits`). A solve past its deadline terminates the worker (`timeout`); a worker that
 * ends mid-solve (process.exit, out of memory, an uncaught error) gives `exited` or `crashed`. Either way the next
 * call starts a fresh worker and loads the module again.
 */
export class WorkerRunner implements SubjectRunner {
  readonly parameter = MODULE;
  readonly noun = 'an integrator module';
  readonly value: string;
  readonly #memoryMb: number;
  #live: Live | undefined;
  #nextId = 0;
  readonly #problemIds = new WeakMap<AuditProblem, number>();

  constructor(path: string, memoryMb: number) {
    this.value = path;
    this.#memoryMb = memoryMb;
  }

  #spawn(): Live {
    const worker = startWorker(this.#memoryMb);
    const live: Live = { worker, known: new Set(), pending: undefined, ended: undefined };
    const end = (ending: Ending) => {
      live.ended ??= ending;
      live.pending?.(live.ended);
      if (this.#live === live) this.#live = undefined;
    };
    worker.on('message', (message: FromWorker) => live.pending?.(message));
    worker.on('error', (error) => end({ status: 'crashed', detail: `the worker died: ${describeThrown(error)}` }));
    worker.on('exit', (code) => end({ status: 'exited', detail: `the subject exited (exit code ${code}; e.g. process.exit)` }));
    worker.unref();
    return live;
  }

  /** Send `message` and wait for the worker's answer, its end, or the deadline (then the worker is terminated). */
  #ask(live: Live, message: ToWorker, timeoutMs: number): Promise<FromWorker | Ending | 'timeout'> {
    return new Promise((resolve) => {
      if (live.ended !== undefined) return resolve(live.ended);
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            live.pending = undefined;
            if (this.#live === live) this.#live = undefined;
            void live.worker.terminate();
            resolve('timeout');
          }, timeoutMs)
        : undefined;
      live.pending = (answer) => {
        clearTimeout(timer);
        live.pending = undefined;
        resolve(answer);
      };
      live.worker.postMessage(message);
    });
  }

  async #ready(timeoutMs: number): Promise<{ live: Live; meta: SubjectMeta }> {
    const live = this.#spawn();
    this.#live = live;
    const answer = await this.#ask(live, { type: 'load', path: this.value }, timeoutMs + WORKER_START_MS);
    if (answer === 'timeout' || !('type' in answer) || answer.type !== 'loaded') await this.close();
    if (answer === 'timeout')
      throw new NtkInputError(
        MODULE,
        this.value,
        `a module that loads within the deadline (${(timeoutMs + WORKER_START_MS) / 1000} s: --timeout plus ${WORKER_START_MS / 1000} s to start a worker)`,
      );
    if ('type' in answer && answer.type === 'loaded') return { live, meta: answer.meta };
    if ('type' in answer && answer.type === 'unusable') throw new NtkInputError(MODULE, this.value, answer.requirement);
    throw new NtkInputError(MODULE, this.value, `an importable module (loading it, ${'detail' in answer ? answer.detail : 'the worker failed'})`);
  }

  async open(timeoutMs: number): Promise<SubjectMeta> {
    return (await this.#ready(timeoutMs)).meta;
  }

  async solve(problem: AuditProblem, call: SolveCall, timeoutMs: number): Promise<SolveReply> {
    const live = this.#live ?? (await this.#ready(timeoutMs)).live;
    if (problem.spec === undefined) throw new Error('WorkerRunner: a problem without a spec cannot cross to the worker');
    const problemId = this.#problemIds.get(problem) ?? this.#nextId++;
    this.#problemIds.set(problem, problemId);
    const spec = live.known.has(problemId) ? undefined : problem.spec;
    live.known.add(problemId);
    const id = this.#nextId++;
    const answer = await this.#ask(live, { type: 'solve', id, problemId, call, ...(spec === undefined ? {} : { spec }) }, timeoutMs);
    if (answer === 'timeout') return { status: 'timeout' };
    if ('status' in answer) return answer;
    if (answer.type === 'reply' && answer.id === id) return answer.reply;
    throw new Error(`WorkerRunner: unexpected message ${answer.type}`);
  }

  async close(): Promise<void> {
    const live = this.#live;
    this.#live = undefined;
    if (live !== undefined) await live.worker.terminate();
  }
}
