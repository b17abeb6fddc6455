import type { Measured, Statement } from './Statement.js';

/** Most measurements a memoized statement keeps (least recently used evicted first). */
const CAPACITY = 2048;

/**
 * The statement with its `measure` memoized by the case's description: every reading of a statement (and its
 * mutant) is checked over the same seeded cases, so an expensive measurement (flow solves) is made once per case
 * instead of once per reading. Sound because `measure` is a deterministic function of the case, which `describe`
 * determines (`revive(describe(c))` rebuilds it). Failures (e.g. NtkSolveError) are not cached: they rethrow.
 */
export function memoizeMeasure<C, M>(statement: Statement<C, M>): Statement<C, M> {
  const cache = new Map<string, Measured<M>>();
  return {
    ...statement,
    measure(c) {
      const key = JSON.stringify(statement.describe(c));
      const hit = cache.get(key);
      if (hit !== undefined) {
        cache.delete(key);
        cache.set(key, hit); // most recently used last
        return hit;
      }
      const measured = statement.measure(c);
      cache.set(key, measured);
      if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
      return measured;
    },
  };
}
