import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { rootedTrees } from './_internals/rootedTrees.js';
import { orderConditions } from './orderConditions.js';
import { rk4 } from './tableaus/rk4.js';

describe('rootedTrees', () => {
  test('counts 1, 1, 2, 4, 9, 20 trees of orders 1..6 (OEIS A000081): 17 up to order 5', () => {
    const trees = rootedTrees(6);
    expect([1, 2, 3, 4, 5, 6].map((r) => trees.filter((t) => t.order === r).length)).toEqual([1, 1, 2, 4, 9, 20]);
    expect(rootedTrees(5)).toHaveLength(17);
    expect(new Set(trees.map((t) => t.label)).size).toBe(trees.length);
  });

  test('densities of the small trees (Hairer-Norsett-Wanner Table II.2.2)', () => {
    const gamma = Object.fromEntries(rootedTrees(4).map((t) => [t.label, t.gamma]));
    expect(gamma).toEqual({ t: 1, '[t]': 2, '[t t]': 3, '[[t]]': 6, '[t t t]': 4, '[[t] t]': 8, '[[t t]]': 12, '[[[t]]]': 24 });
  });
});

describe('orderConditions', () => {
  test('a perturbed classical RK4 keeps order 3 and loses order 4', () => {
    const A = [[], ['1/2'], ['0', '1/2'], ['0', '1/100', '99/100']];
    const res = orderConditions(A, rk4.b, 4);
    expect(res.filter((c) => c.order <= 3).every((c) => c.residual.abs().lt('1e-35'))).toBe(true);
    expect(res.filter((c) => c.order === 4).some((c) => c.residual.abs().gt('1e-6'))).toBe(true);
  });

  test('rejects a non-explicit A, a non-rational entry and an unsupported order', () => {
    expect(() => orderConditions([['0'], ['1']], ['1/2', '1/2'], 2)).toThrow(NtkInputError);
    expect(() => orderConditions([[], ['0.5']], ['1/2', '1/2'], 2)).toThrow(/coefficient="0.5"/);
    expect(() => orderConditions([[], ['1']], ['1/2', '1/2'], 9)).toThrow(/maxOrder=9/);
  });
});
