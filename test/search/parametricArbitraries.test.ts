import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instanceArb } from '../../arbitraries/instanceArb.js';
import { matrixCaseArb } from '../../arbitraries/matrixCaseArb.js';
import { instanceToJson } from '../../src/flow/instanceToJson.js';
import { searchSpaceOf } from '../../arbitraries/searchSpaceOf.js';
import type { ParamBlock, SearchPoint, SearchSpace } from '../../arbitraries/SearchSpace.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';
import type { MatrixCase } from '../../arbitraries/MatrixCase.js';
import { thm12 } from '../../src/statements/defs/thm-1.2.js';
import { registry } from '../../src/statements/registry.js';

const describeFlow = (c: FlowCase) => ({ family: c.family, direction: c.direction, instance: instanceToJson(c.instance) });
const describeMatrix = (c: MatrixCase) => ({ ...c, At: Array.from(c.At), Bt: Array.from(c.Bt) });

/** Each coordinate of the frozen blocks of `point` that `which` selects, moved to the other end of its box. */
function moveFrozen(blocks: readonly ParamBlock[], point: SearchPoint, which: (b: ParamBlock) => boolean): SearchPoint {
  const x = [...point.x];
  let offset = 0;
  for (const b of blocks) {
    if (b.frozen && which(b)) for (let i = offset; i < offset + b.length; i++) x[i] = (x[i] as number) > 0 ? b.min : b.max;
    offset += b.length;
  }
  return { ...point, x };
}

/** h0 and w0 of a quadratic only shift it (the flow lives in w - w0; h0 cancels from r): inert for E, not for the description. */
const SHIFT = 'h0, w0';

function checkSpace<C>(arbitrary: fc.Arbitrary<C>, show: (c: C) => unknown): void {
  const space = searchSpaceOf(arbitrary) as SearchSpace<C>;
  expect(space).toBeDefined();
  const points = space.sample(11, 60);
  // The arbitrary is the sampled points mapped through the pure decoder: same seed, same cases.
  expect(fc.sample(arbitrary, { seed: 11, numRuns: 60 }).map(show)).toEqual(points.map((p) => show(space.decode(p))));
  expect(space.sample(11, 30)).toEqual(points.slice(0, 30));
  for (const point of points) {
    const blocks = space.blocks(point);
    expect(blocks.reduce((n, b) => n + b.length, 0)).toBe(point.x.length);
    let offset = 0;
    for (const b of blocks) {
      for (const v of point.x.slice(offset, offset + b.length)) expect(v >= b.min && v <= b.max, `${b.name}=${v} in [${b.min}, ${b.max}]`).toBe(true);
      offset += b.length;
    }
    expect(show(space.decode(moveFrozen(blocks, point, (b) => b.name !== SHIFT))), 'frozen coordinates are ignored by the decoder').toEqual(
      show(space.decode(point)),
    );
    expect(typeof space.niche?.(point)).toBe('string');
  }
}

describe('parametric generators (the search space of instanceArb and matrixCaseArb)', () => {
  it('instanceArb: same cases as its points decoded; boxes hold; frozen coordinates are inert', () => {
    checkSpace(instanceArb(), describeFlow);
    checkSpace(instanceArb({ families: ['scalar', 'converse'], kappa: [1, 2] }), describeFlow);
  });

  it("instanceArb: a quadratic's h0 and w0 (frozen) leave E(T) unchanged", () => {
    const space = searchSpaceOf(instanceArb({ families: ['quadratic', 'structured'], maxN: 3, maxP: 4 }))!;
    for (const point of space.sample(5, 6)) {
      const measure = (p: SearchPoint) => thm12.measure(space.decode(p)).tight;
      const { E, r0 } = measure(point);
      expect(Math.abs(measure(moveFrozen(space.blocks(point), point, (b) => b.name === SHIFT)).E - E)).toBeLessThanOrEqual(1e-9 * r0);
    }
  });

  it('matrixCaseArb: same cases as its points decoded; boxes hold; B is inert in the aligned mode', () => {
    checkSpace(matrixCaseArb(), describeMatrix);
  });

  it('every flow and matrix statement of the registry exposes its generator to the search', () => {
    const parametric = registry.filter((s) => s.search !== undefined).map((s) => s.id);
    expect(parametric).toEqual(expect.arrayContaining(['thm-1.2', 'thm-3.2', 'eq-19', 'prop-1.1', 'lemma-3.3', 'eq-25', 'flow.energy']));
    expect(searchSpaceOf(instanceArb().filter(() => true))).toBeUndefined();
  });
});
