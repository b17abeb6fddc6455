/** A rooted tree (Butcher 1963): a root with an unordered multiset of subtrees. */
export interface RootedTree {
  /** Number of vertices rho(t). */
  readonly order: number;
  /** Indices of the subtrees in the list returned by {@link rootedTrees}, non-increasing (canonical form). */
  readonly children: readonly number[];
  /** Density gamma(t) = rho(t) prod gamma(children); the order condition is b^T Phi(t) = 1 / gamma(t). */
  readonly gamma: number;
  /** Bracket notation: `t` for the single vertex, `[t t]`, `[[t]]`, ... */
  readonly label: string;
}

const cache: RootedTree[] = [];

/**
 * All rooted trees with at most `maxOrder` vertices, each exactly once, sorted by order (counts 1, 1, 2, 4, 9,
 * 20, 48, ... OEIS A000081), children referring to earlier entries. Generated as multisets of smaller trees
 * with total order r - 1. Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.2, Table 2.2.
 */
export function rootedTrees(maxOrder: number): readonly RootedTree[] {
  for (let r = (cache.at(-1)?.order ?? 0) + 1; r <= maxOrder; r++) {
    const earlier = cache.length;
    const emit = (children: number[]): void => {
      const subtrees = children.map((i) => cache[i] as RootedTree);
      const gamma = subtrees.reduce((g, c) => g * c.gamma, r);
      const label = r === 1 ? 't' : `[${subtrees.map((c) => c.label).join(' ')}]`;
      cache.push({ order: r, children: Object.freeze([...children]), gamma, label });
    };
    const extend = (remaining: number, maxIndex: number, children: number[]): void => {
      if (remaining === 0) {
        emit(children);
        return;
      }
      for (let i = maxIndex; i >= 0; i--) {
        const o = (cache[i] as RootedTree).order;
        if (o <= remaining) extend(remaining - o, i, [...children, i]);
      }
    };
    extend(r - 1, earlier - 1, []);
  }
  return cache.filter((t) => t.order <= maxOrder);
}
