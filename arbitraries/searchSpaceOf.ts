import fc from 'fast-check';
import type { SearchPoint, SearchSpace } from './SearchSpace.js';

/** Search spaces of the parametric arbitraries, keyed by the arbitrary object (fast-check objects stay untouched). */
const spaces = new WeakMap<object, SearchSpace<unknown>>();

/**
 * The arbitrary `paramsArb.map(decode)` — same values, same shrinking as `paramsArb` — registered with its
 * {@link SearchSpace}: points sampled by fast-check from `paramsArb`, laid out by `view.blocks`, decoded by
 * `view.decode`.
 * `exploreArb`, when given, draws the points the optimizer starts from (`SearchSpace.explore`), in the same layout.
 * `searchSpaceOf` then hands the targeted search exactly the generator a statement uses.
 */
export function parametricArbitrary<P extends SearchPoint, C>(
  paramsArb: fc.Arbitrary<P>,
  view: Pick<SearchSpace<C, P>, 'blocks' | 'decode' | 'niche'>,
  exploreArb?: fc.Arbitrary<P>,
): fc.Arbitrary<C> {
  const arbitrary = paramsArb.map((point) => view.decode(point));
  const space: SearchSpace<C, P> = {
    ...view,
    sample: (seed, count) => fc.sample(paramsArb, { seed, numRuns: count }),
    ...(exploreArb && { explore: (seed: number, count: number) => fc.sample(exploreArb, { seed, numRuns: count }) }),
  };
  spaces.set(arbitrary, space as SearchSpace<unknown>);
  return arbitrary;
}

/** The search space of an arbitrary built by {@link parametricArbitrary}, else undefined (e.g. after `.filter`). */
export function searchSpaceOf<C>(arbitrary: fc.Arbitrary<C>): SearchSpace<C> | undefined {
  return spaces.get(arbitrary) as SearchSpace<C> | undefined;
}
