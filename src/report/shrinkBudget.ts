import type { Profile } from '../check/profile.js';

/** Floor of the report's shrink budget, milliseconds. */
const MIN_REPORT_SHRINK_MS = 60_000;
/** The report's shrink budget is at least this many times the profile's. */
const REPORT_SHRINK_FACTOR = 10;

/**
 * Wall-clock budget for shrinking one counterexample in a report: max(60 s, 10x the profile's budget). checkReading
 * stops shrinking at a wall-clock deadline, so with the profile's short budget how far a shrink gets (and the worst
 * ratio seen on the way) depends on machine load; measured shrinks finish in about 2 s, so this cap is a safety net
 * that keeps a report byte-identical for a seed. A check that reaches it is listed in timings.json `shrinkMayBeCut`.
 */
export function reportShrinkBudget(profile: Profile): number {
  return Math.max(MIN_REPORT_SHRINK_MS, REPORT_SHRINK_FACTOR * profile.shrinkMilliseconds);
}
