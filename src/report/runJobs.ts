import Tinypool from 'tinypool';
import { describeThrown } from '../io/describeThrown.js';
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

/**
 * The jobs on a tinypool of `size` worker threads; results in job order, `onDone` in completion order. The first
 * failed job rejects with its job and error; the pool is destroyed either way.
 */
async function runInPool(jobs: readonly Job[], context: JobContext, size: number, onDone: OnJobDone): Promise<JobResult[]> {
  const pool = new Tinypool({ filename: WORKER_URL, minThreads: size, maxThreads: size });
  const { profile, seed } = context;
  let done = 0;
  let failed = false;
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        const request: JobRequest = { job, profile, seed };
        let result: JobResult;
        try {
          result = (await pool.run(request)) as JobResult;
        } catch (error) {
          failed = true;
          throw new Error(`report job ${JSON.stringify(job)} failed in a worker: ${describeThrown(error)}`, { cause: error });
        }
        done++;
        if (!failed) onDone(job, result, done, jobs.length);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
