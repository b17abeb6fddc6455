import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanFieldModelArb } from '../../arbitraries/meanFieldModelArb.js';
import { quadraticModelArb } from '../../arbitraries/quadraticModelArb.js';
import { scalarModelArb } from '../../arbitraries/scalarModelArb.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import type { Instance } from './Instance.js';
import { add, randomVector } from '../models/_testing/modelChecks.js';
import { instanceToJson, parseInstance } from './parseInstance.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import { createRng } from '../random/rng.js';

const quadratic = {
  model: {
    kind: 'quadratic',
    h0: [0, 1],
    G: [
      [1, 0, 0],
      [0, 1, 0],
    ],
    Q: [
      [
        [1, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 2],
      ],
    ],
  },
  w0: [0, 0, 1],
  yStar: [1, 2],
  alpha: 2,
  T: 3,
};
const scalar = { model: { kind: 'scalar', a: 1, b: -2 }, w0: [0.5], yStar: [1], alpha: 1, T: 0 };
const meanField = {
  model: {
    kind: 'meanField',
    activation: 'tanh',
    x: [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
    a: [0.5, -0.5],
    U: [
      [1, 2],
      [1, 2],
    ],
  },
  yStar: [1, 0, -1],
  alpha: 10,
  T: 1,
};

/** `base` with the value at `path` (dot/bracket-free list of keys) replaced, or deleted when `value` is undefined. */
function edit(base: object, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('parseInstance', () => {
  it.each([
    ['a non-object', 42, /^instance=42 must be an object/],
    ['a missing model', edit(quadratic, ['model'], undefined), /^model=undefined must be an object/],
    ['an unknown kind', edit(quadratic, ['model', 'kind'], 'cubic'), /^model\.kind="cubic" must be one of "quadratic", "scalar", "meanField"/],
    ['a short row of G', edit(quadratic, ['model', 'G', 1], [0, 1]), /^model\.G\[1\]=array\(length 2\) must be an array of length 3/],
    ['a non-finite entry of G', edit(quadratic, ['model', 'G', 1, 2], 'x'), /^model\.G\[1\]\[2\]="x" must be a finite number/],
    ['an asymmetric Q[1]', edit(quadratic, ['model', 'Q', 1, 2, 0], 5), /^model\.Q\[1\]\[0\]\[2\]=0 must be equal to model\.Q\[1\]\[2\]\[0\]=5/],
    ['a Q slice of the wrong size', edit(quadratic, ['model', 'Q', 0], [[1]]), /^model\.Q\[0\]=array\(length 1\) must be an array of 3 rows/],
    ['a missing h0', edit(quadratic, ['model', 'h0'], undefined), /^model\.h0=undefined must be an array of finite numbers/],
    ['a missing w0', edit(quadratic, ['w0'], undefined), /^w0=undefined must be an array/],
    [
      'an unexpected model field',
      edit(quadratic, ['model', 'w0'], [0, 0, 1]),
      /^model\.w0=array\(length 3\) must be absent \(unknown key; .*allowed: kind, h0, G, Q\)$/,
    ],
    ['an unknown model key', edit(quadratic, ['model', 'Qx'], 1), /^model\.Qx=1 must be absent \(unknown key; did you mean Q\?; allowed: kind, h0, G, Q\)$/],
    ['an unknown top-level key', edit(scalar, ['seed'], 17), /^seed=17 must be absent \(unknown key; allowed: \$schema, model, w0, yStar, alpha, T\)$/],
    [
      'a misspelt key (reported before the missing one)',
      edit(edit(scalar, ['alpha'], undefined) as object, ['alhpa'], 1),
      /^alhpa=1 must be absent \(unknown key; did you mean alpha\?/,
    ],
    ['an unknown key inside a mean-field model', edit(meanField, ['model', 'sigma'], 'tanh'), /^model\.sigma="tanh" must be absent/],
    ['a $schema that is not a string', edit(scalar, ['$schema'], 5), /^\$schema=5 must be as the schema says \(expected string\)$/],
    ['a yStar of the wrong length', edit(quadratic, ['yStar'], [1, 2, 3]), /^yStar=array\(length 3\) must be an array of length 2/],
    ['alpha = 0', edit(quadratic, ['alpha'], 0), /^alpha=0 must be a finite number > 0/],
    ['a missing alpha', edit(quadratic, ['alpha'], undefined), /^alpha=undefined must be a finite number/],
    ['T < 0', edit(quadratic, ['T'], -1), /^T=-1 must be a finite number >= 0/],
    ['T = Infinity', edit(quadratic, ['T'], Infinity), /^T=Infinity must be a finite number/],
    ['a scalar w0 of length 2', edit(scalar, ['w0'], [0, 1]), /^w0=array\(length 2\) must be an array of length 1/],
    ['a missing scalar b', edit(scalar, ['model', 'b'], undefined), /^model\.b=undefined must be a finite number/],
    ['a w0 on a mean-field instance', edit(meanField, ['w0'], [0]), /^w0=array\(length 1\) must be absent for model\.kind="meanField"/],
    ['an unknown activation', edit(meanField, ['model', 'activation'], 'relu'), /^model\.activation="relu" must be one of "sigmoid", "tanh"/],
    ['a U row of the wrong width', edit(meanField, ['model', 'U', 1], [1]), /^model\.U\[1\]=array\(length 1\) must be an array of length 2/],
    ['U with fewer rows than a', edit(meanField, ['model', 'U'], [[1, 2]]), /^model\.U=array\(length 1\) must be an array of 2 rows/],
    ['a NaN in x', edit(meanField, ['model', 'x', 2, 0], Number.NaN), /^model\.x\[2\]\[0\]=NaN must be a finite number/],
  ])('rejects %s, naming the field', (_label, json, message) => {
    expect(() => parseInstance(json)).toThrow(NtkInputError);
    expect(() => parseInstance(json)).toThrow(message);
  });

  it('parses each kind, allowing a $schema key for editors', () => {
    const q = parseInstance({ $schema: './instance.schema.json', ...quadratic });
    expect([q.model.kind, q.model.n, q.model.p, q.alpha, q.T]).toEqual(['quadratic', 2, 3, 2, 3]);
    expect(Array.from(q.model.value(Float64Array.of(1, 1, 1)))).toEqual([1 + 0.5, 1 + 1 + 1]);
    expect(parseInstance(scalar).model.w0[0]).toBe(0.5);
    const mf = parseInstance(meanField);
    expect([mf.model.kind, mf.model.n, mf.model.p]).toEqual(['meanField', 3, 6]);
    expect(Array.from(mf.model.value(mf.model.w0))).toEqual([0, 0, 0]);
  });
});

/** Entries as plain numbers, -0 as 0 (JSON has no -0; toEqual tells them apart). */
const plain = (x: Float64Array) => Array.from(x, (v) => v + 0);

describe('instanceToJson', () => {
  const models = fc.oneof(
    quadraticModelArb({ maxP: 6, maxN: 3 }) as fc.Arbitrary<SmoothModel>,
    quadraticModelArb({ maxP: 6, maxN: 3, structured: true }),
    scalarModelArb(),
    scalarModelArb({ converse: true }),
    meanFieldModelArb({ symmetric: false, maxM: 6 }),
  );
  it('round-trips through JSON text: same JSON, and the replayed model agrees bit for bit', () => {
    fc.assert(
      fc.property(models, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (model, seed) => {
        const rng = createRng(seed).uniform;
        const instance: Instance = { model, yStar: randomVector(rng, model.n, 3), alpha: 0.01 + 100 * rng(), T: 10 * rng() };
        const json = instanceToJson(instance);
        const replayed = parseInstance(JSON.parse(JSON.stringify(json)));
        expect(instanceToJson(replayed)).toEqual(json);
        expect(plain(replayed.model.w0)).toEqual(plain(model.w0));
        const w = add(model.w0, randomVector(rng, model.p, 1));
        expect(plain(replayed.model.value(w))).toEqual(plain(model.value(w)));
        expect(plain(replayed.model.jacobian(w))).toEqual(plain(model.jacobian(w)));
        // A structured model replays as a dense one: certified instead of exact Lip(Dh), equal up to rounding.
        expect(Math.abs(replayed.model.lipDh(1) - model.lipDh(1))).toBeLessThanOrEqual(1e-9 * model.lipDh(1));
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a model without toSpec and a non-finite alpha', () => {
    const { model } = parseInstance(scalar);
    const bare: SmoothModel = {
      kind: 'custom',
      p: 1,
      n: 1,
      w0: model.w0,
      lipDhIsExact: false,
      value: (w, o) => model.value(w, o),
      jacobian: (w, o) => model.jacobian(w, o),
      vjp: (w, r, o) => model.vjp(w, r, o),
      lipDh: () => 0,
      lipH: () => 0,
      toSpec: undefined,
    };
    expect(() => instanceToJson({ model: bare, yStar: Float64Array.of(1), alpha: 1, T: 1 })).toThrow(/^instance\.model="custom" must be a model with toSpec/);
    expect(() => instanceToJson({ model, yStar: Float64Array.of(1), alpha: Number.NaN, T: 1 })).toThrow(/^instance\.alpha=NaN/);
  });
});
