import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32.js';

/** mulberry32(1)'s first three draws (the value 0.6270739405881613 is the one quoted with the algorithm). */
const REF_1 = [0.6270739405881613, 0.002735721180215478, 0.5274470399599522] as const;

describe('mulberry32', () => {
  it('is the reference stream: seeds name benchmark instances and search runs, so it must never change', () => {
    // Reference values of the public-domain algorithm, seed 1 and seed 2^32 - 1 (the seed is taken mod 2^32).
    const a = mulberry32(1);
    expect([a(), a(), a()]).toEqual([REF_1[0], REF_1[1], REF_1[2]]);
    const b = mulberry32(-1);
    expect(b()).toBe(mulberry32(2 ** 32 - 1)());
  });

  it('draws in [0, 1) with mean ~ 1/2 and variance ~ 1/12', () => {
    const u = mulberry32(20231129);
    const xs = Array.from({ length: 20000 }, u);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
  });
});
