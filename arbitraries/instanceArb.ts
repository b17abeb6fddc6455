import type fc from 'fast-check';
import { parametricArbitrary } from './searchSpaceOf.js';
import type { FlowCase } from './FlowCase.js';
import { instanceFromParams } from './instanceFromParams.js';
import { instanceExploreArb, instanceParamBlocks, instanceParamsArb, pointRanges, type InstanceConstraints } from './instanceParamsArb.js';

export type { Direction, FlowFamily } from './instanceFromParams.js';
export type { InstanceConstraints } from './instanceParamsArb.js';

/**
 * Flow instances over wide log-uniform scales (alpha, T, R0) with the dimensionless kappa and tau drawn
 * independently, so both kappa << 1 and kappa >> 1 are well covered at a bounded solve cost; r(0) random or
 * aligned with J0's extreme singular directions; structured models optionally aligned with G's top direction.
 * It is {@link instanceParamsArb} mapped through the pure {@link instanceFromParams}, and carries that parametric
 * view for the targeted search (`searchSpaceOf`), which starts from {@link instanceExploreArb}'s points.
 */
export function instanceArb(constraints: InstanceConstraints = {}): fc.Arbitrary<FlowCase> {
  return parametricArbitrary(
    instanceParamsArb(constraints),
    {
      blocks: (point) => instanceParamBlocks(point.discrete, pointRanges(point.discrete, constraints)),
      decode: instanceFromParams,
      // Only n > 1 lets r(t) turn away from rbar(t) (in one dimension r never changes sign); p < n leaves K0 a null
      // space (r(0) along it: rbar stays put; Prop 3.1's worst cases are there), p >= n does not.
      niche: ({ discrete: d }) => `${d.family}/${d.n > 1 ? 'n>1' : 'n=1'}/${d.p > d.n ? 'p>n' : d.p < d.n ? 'p<n' : 'p=n'}`,
    },
    instanceExploreArb(constraints),
  );
}
