import fc from 'fast-check';
import type { Statement } from '../statements/Statement.js';
import { deriveSeed } from '../random/rng.js';
import type { SearchPoint, SearchSpace } from '../../arbitraries/SearchSpace.js';

/** Points drawn per fast-check sample call. */
const CHUNK = 64;

/**
 * The search space of a statement: its generator's parametric view, or — when it has none — a space of whole
 * cases (`discrete` = the case, no continuous parameters) sampled from `arbitrary()`: random sampling only.
 */
export function spaceOf<C, M>(statement: Statement<C, M>): SearchSpace<C> {
  if (statement.search !== undefined) return statement.search;
  const arbitrary = statement.arbitrary();
  return {
    sample: (seed, count) => fc.sample(arbitrary, { seed, numRuns: count }).map((c) => ({ discrete: c, x: [] })),
    blocks: () => [],
    decode: (point) => point.discrete as C,
  };
}

/**
 * An endless stream of points from the generator's distribution: the first 64 are exactly fast-check's first
 * 64 samples at `seed` (what a property run at that seed generates), later chunks use derived seeds. The
 * random baseline and the search's restarts read the same stream, so at a given seed the search's random
 * phase is a prefix of the baseline. `from = 'explore'` streams the space's `explore` distribution instead (the
 * starts of the Nelder-Mead search; `sample` when the space has none).
 */
export function pointStream(space: SearchSpace<unknown>, seed: number, from: 'sample' | 'explore' = 'sample'): () => SearchPoint {
  const draw = (s: number, count: number) => (from === 'explore' && space.explore !== undefined ? space.explore(s, count) : space.sample(s, count));
  let chunk: readonly SearchPoint[] = [];
  let index = 0;
  let chunks = 0;
  return () => {
    if (index >= chunk.length) {
      chunk = draw(chunks === 0 ? seed : deriveSeed(seed, chunks), CHUNK);
      chunks++;
      index = 0;
    }
    return chunk[index++] as SearchPoint;
  };
}
