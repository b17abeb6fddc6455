/**
 * Worker-thread entry of the report's job pool (tinypool, see `runJobs`): runs one job request against the full
 * registry and plot list and returns its result; a thrown error rejects that job's task in the main thread.
 */
import { loadErrata } from '../check/errataDb.js';
import type { Profile } from '../check/profile.js';
import { registry } from '../statements/registry.js';
import type { Job, JobResult } from './Job.js';
import { PLOTS } from './plots/index.js';
import { runJob } from './runJob.js';

/** A job request from the pool. */
export interface JobRequest {
  readonly job: Job;
  readonly profile: Profile;
  readonly seed: number;
}

/** Loaded once per worker thread, on its first job. */
let errata: ReturnType<typeof loadErrata> | undefined;

/** Run one job (the pool's task function). */
export default function runJobRequest(request: JobRequest): JobResult {
  errata ??= loadErrata();
  return runJob(request.job, { ...request, statements: registry, plots: PLOTS, errata });
}
