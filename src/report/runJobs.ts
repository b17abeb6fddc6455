import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './Job.js';
import type { JobRequest } from './jobWorker.js';
import { runJob, type JobContext } from './runJob.js';

/** Called after each job, in completion order (for progress display). */
export type OnJobDone = (job: Job, result: JobResult, done: number, total: number) => void;

/** URL of the compiled worker entry; workers need the built JavaScript (dist/), not the TypeScript sources. */
const WORKER_URL = new URL('./jobWorker.js', import.meta.url);

/** True when this module runs from compiled JavaScript, so that worker threads can load `jobWorker.js`. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Run every job and return the results in job order (so the report does not depend on which job finished
 * first). `workers` = 0 runs them in this thread, in order, yielding to the event loop between jobs (progress
 * bars redraw); otherwise that many worker threads, each running the full registry and plot list — so a
 * context with other statements or plots (tests) must use 0.
 */
export async function runJobs(jobs: readonly Job[], context: JobContext, workers: number, onDone: OnJobDone): Promise<JobResult[]> {
  if (workers <= 0 || jobs.length === 0) {
    const results: JobResult[] = [];
    for (const job of jobs) {
      await new Promise((resolve) => setImmediate(resolve));
      results.push(runJob(job, context));
      onDone(job, results[results.length - 1] as JobResult, results.length, jobs.length);
    }
    return results;
  }
  if (!workersAvailable()) throw new Error('worker threads need the compiled CLI (npm run build); use workers = 0 from sources');
  return runInPool(jobs, context, Math.min(workers, jobs.length), onDone);
}

function runInPool(jobs: readonly Job[], context: JobContext, size: number, onDone: OnJobDone): Promise<JobResult[]> {
  const results = new Array<JobResult | undefined>(jobs.length);
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  const retired = new Set<Worker>();
  return new Promise<JobResult[]>((resolve, reject) => {
    const retire = (worker: Worker) => {
      retired.add(worker);
      void worker.terminate();
    };
    const fail = (error: Error) => {
      pool.forEach(retire);
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= jobs.length) return retire(worker);
      const { profile, seed } = context;
      const request: JobRequest = { index: next, job: jobs[next] as Job, profile, seed };
      next++;
      worker.postMessage(request);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_URL);
      pool.push(worker);
      worker.on('message', (message: { index: number; result?: JobResult; error?: string }) => {
        if (message.result === undefined) return fail(new Error(`report job ${JSON.stringify(jobs[message.index])} failed in a worker: ${message.error ?? '?'}`));
        results[message.index] = message.result;
        done++;
        onDone(jobs[message.index] as Job, message.result, done, jobs.length);
        if (done < jobs.length) return feed(worker);
        pool.forEach(retire);
        resolve(results as JobResult[]);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new Error(`a report worker exited early (code ${code})`));
      });
      feed(worker);
    }
  });
}
