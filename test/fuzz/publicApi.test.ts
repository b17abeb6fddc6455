import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { converseModel, kappa, main, NtkError, opNorm, parseInstance, PreciseConverse, solveRunPair, symmetricEigen } from '../../src/index.js';

/** Numbers that break naive code: signed zeros, subnormals, the edges of the range, NaN, infinities. */
/** An output sink that keeps nothing (the fuzzed CLI's lines are not under test, only its exit code). */
const discard = (_line: string): void => {
  // dropped
};

const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    2.2250738585072014e-308,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    NaN,
    Infinity,
    -Infinity,
    1e-300,
    1e300,
  ),
  fc.double(),
);
/** Finite but extreme numbers: instances that parse, then stress the solver (overflow, stiffness, underflow). */
const extremeFinite = fc.oneof(
  fc.constantFrom(0, -0, Number.MIN_VALUE, 1e-300, 1e-8, 1e8, 1e150, 1e300, Number.MAX_VALUE, -1e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** Any value a JSON file or a careless caller may hand over. */
const hostile = fc.oneof(
  hostileNumber,
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileNumber, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), hostileNumber, { maxKeys: 2 }),
);

const valid = (): Record<string, unknown> => ({
  model: {
    kind: 'quadratic',
    h0: [0.1, 0],
    G: [
      [1, 0.5],
      [0, 1],
    ],
    Q: [
      [
        [0.5, 0],
        [0, 0],
      ],
      [
        [0, 0.2],
        [0.2, 0],
      ],
    ],
  },
  w0: [0, 0.5],
  yStar: [1, -1],
  alpha: 2,
  T: 1.5,
});
const validScalar = (): Record<string, unknown> => ({ model: { kind: 'scalar', a: 0.7, b: 3 }, w0: [0.1], yStar: [1], alpha: 1, T: 2 });
const validMeanField = (): Record<string, unknown> => ({
  model: {
    kind: 'meanField',
    activation: 'tanh',
    x: [
      [1, 0],
      [0, 1],
    ],
    a: [0.3, -0.3],
    U: [
      [0.2, 0.1],
      [0.2, 0.1],
    ],
  },
  yStar: [0.5, -0.5],
  alpha: 1.5,
  T: 1,
});

/** Replace the value at a random path of a JSON tree (objects and arrays, up to 4 levels) by `value`. */
function mutateAt(tree: unknown, choices: readonly number[], value: unknown): unknown {
  if (choices.length === 0 || tree === null || typeof tree !== 'object') return value;
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(tree)) {
    if (tree.length === 0) return value;
    const i = choice % (tree.length + 1);
    const copy = [...tree];
    if (i === tree.length)
      copy.push(value); // a wrong length
    else copy[i] = mutateAt(copy[i], rest, value);
    return copy;
  }
  const keys = Object.keys(tree);
  const key = keys[choice % keys.length] as string;
  return { ...(tree as Record<string, unknown>), [key]: mutateAt((tree as Record<string, unknown>)[key], rest, value) };
}

/** Every number reachable in a result is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Float64Array) return value.every(Number.isFinite);
  if (Array.isArray(value)) return value.every(allFinite);
  return true;
}

/** The call returns (and `check` accepts the result) or throws a typed NtkError — nothing else. */
function typedOrFinite<T>(call: () => T, check: (result: T) => boolean): void {
  let result: T;
  try {
    result = call();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(NtkError);
    return;
  }
  expect(check(result)).toBe(true);
}

describe('fuzzing the public API with hostile input', () => {
  test.prop(
    [
      fc.constantFrom(valid, validScalar, validMeanField),
      fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 3, arbitrary: extremeFinite }),
    ],
    { numRuns: 300 },
  )('parseInstance + solveRunPair: a typed error or finite results', (base, path, value) => {
    typedOrFinite(() => {
      const instance = parseInstance(mutateAt(base(), path, value));
      const { primary, tight } = solveRunPair(instance, { rtol: 1e-6, maxSteps: 2_000 });
      return [
        primary.E,
        primary.R0,
        primary.weightChange,
        primary.linearWeightChange,
        primary.trajectoryRadius,
        primary.nonlinear.errorEstimate,
        tight.E,
        ...primary.nonlinear.rT,
      ];
    }, allFinite);
  });

  test.prop([hostile, hostile, hostile, hostile, fc.oneof(hostile, fc.constant(undefined))], { numRuns: 200 })(
    'PreciseConverse: a typed error or finite decimals',
    (alpha, T, lip, R0, digits) => {
      typedOrFinite(
        () => {
          // Keep the search on numbers decimal.js can represent; strings and objects must be rejected typed.
          const model = new PreciseConverse({ alpha, T, lip, R0 } as never, { digits } as never);
          return [model.E, model.kappa, model.lowerBound, model.upperBound, model.u(0.5), model.w(model.params.T)];
        },
        (values) => values.every((d) => d.isFinite()),
      );
    },
  );

  test.prop([fc.array(hostileNumber, { minLength: 1, maxLength: 9 })], { numRuns: 200 })(
    'opNorm and symmetricEigen: a typed error or finite output',
    (data) => {
      const n = Math.floor(Math.sqrt(data.length));
      const M = Float64Array.from(data.slice(0, n * n));
      typedOrFinite(() => opNorm(M, n, n), Number.isFinite);
      typedOrFinite(
        () => symmetricEigen(M, n),
        (e) => allFinite(e.values) && allFinite(e.vectors),
      );
    },
  );

  test.prop([hostileNumber, hostileNumber, hostileNumber, hostileNumber], { numRuns: 200 })(
    'kappa and converseModel: a typed error or a finite value',
    (T, lip, R0, alpha) => {
      typedOrFinite(() => kappa(T, lip, R0, alpha), Number.isFinite);
      typedOrFinite(() => converseModel({ T, lip }).lipH(1), Number.isFinite);
    },
  );

  test.prop(
    [
      fc.array(
        fc.oneof(
          fc.constantFrom(
            'solve',
            'check',
            'list',
            'converse',
            'errata',
            '--json',
            '--instance',
            '--seed',
            '--runs',
            '--alpha',
            '--T',
            '--lip',
            '--R0',
            '--digits',
            'thm-1.2',
            '-1',
            'NaN',
            '1e400',
            '0',
            'x',
          ),
          fc.string({ maxLength: 5 }),
        ),
        { maxLength: 6 },
      ),
    ],
    {
      numRuns: 150,
    },
  )('the CLI never throws: exit 0, 1 or 2', async (argv) => {
    if (argv[0] === 'errata' || argv[0] === 'check') return; // long-running searches are exercised in their own tests
    const code = await main(argv, { out: discard, err: discard, isTty: false });
    expect([0, 1, 2]).toContain(code);
  });
});
