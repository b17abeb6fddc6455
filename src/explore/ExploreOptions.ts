import type { Profile } from '../check/profile.js';

/** Size and seed of an open-question experiment (the report's profile, or the explore command's flags). */
export interface ExploreOptions {
  readonly profile: Profile;
  readonly seed: number;
  /**
   * Wall-clock cap of each targeted search, in milliseconds (`explore --budget S`). Absent: the search is bounded by
   * the profile's evaluation count only, and the run is reproducible bit for bit.
   */
  readonly searchMilliseconds?: number;
}
