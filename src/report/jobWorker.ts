/**
 * Worker-thread entry of the report's job pool (see `runJobs`): receives `{ index, job, profile, seed, ... }`, runs the
 * job against the full registry and plot list, posts back `{ index, result }` or `{ index, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { loadErrata } from '../check/errataDb.js';
import type { Profile } from '../check/profile.js';
import { registry } from '../statements/registry.js';
import type { Job } from './Job.js';
import { PLOTS } from './plots/index.js';
import { runJob } from './runJob.js';

/** A job request from the pool. */
export interface JobRequest {
  readonly index: number;
  readonly job: Job;
  readonly profile: Profile;
  readonly seed: number;
}

const port = parentPort;
if (port !== null) {
  const errata = loadErrata();
  port.on('message', (request: JobRequest) => {
    try {
      const result = runJob(request.job, { ...request, statements: registry, plots: PLOTS, errata });
      port.postMessage({ index: request.index, result });
    } catch (error) {
      port.postMessage({ index: request.index, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  });
}
