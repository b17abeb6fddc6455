import fc from 'fast-check';

/**
 * `arbitrary` whose shrink candidates stop once `spent()` is true. A shrink budget counted in the predicate alone
 * (every candidate past it passes at once) still lets fast-check build every remaining candidate of the current
 * counterexample, and building a case is not free: a 2 x 29 quadratic decodes with eigendecompositions for its
 * certified constants, and its ~1,700 raw entries each offer candidates (a minute of decoding on one eq-14 mutant).
 * Cut here, the budget bounds the work as well as the evaluations, with the same shrunk counterexample.
 */
export function shrinkBudgeted<T>(arbitrary: fc.Arbitrary<T>, spent: () => boolean): fc.Arbitrary<T> {
  return new ShrinkBudgeted(arbitrary, spent);
}

class ShrinkBudgeted<T> extends fc.Arbitrary<T> {
  readonly #inner: fc.Arbitrary<T>;
  readonly #spent: () => boolean;

  constructor(inner: fc.Arbitrary<T>, spent: () => boolean) {
    super();
    this.#inner = inner;
    this.#spent = spent;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.#inner.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.#inner.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (this.#spent()) return fc.Stream.nil();
    return this.#inner.shrink(value, context).takeWhile(() => !this.#spent());
  }
}
