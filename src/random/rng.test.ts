import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32.js';
import { createRng, deriveSeed } from './rng.js';

describe('createRng: the one seeded generator (uniform and normal streams)', () => {
  it('is the reference stream: seeds name search runs, width ladders and benchmark instances, so it must never change', () => {
    const rng = createRng(42);
    expect([rng.uniform(), rng.uniform(), rng.normal(), rng.normal(), rng.normal()]).toEqual([
      0.6011037519201636, 0.44829055899754167, -0.9453528099747296, -0.6112802846514629, -0.5658325852126875,
    ]);
    expect([deriveSeed(42, 0), deriveSeed(42, 1)]).toEqual([1365294675, 851055981]);
  });

  it('uniforms are mulberry32, and each normal is Box-Muller on the next uniform pair (cosine branch only)', () => {
    const rng = createRng(7);
    const u = mulberry32(7);
    for (let i = 0; i < 50; i++) {
      expect(rng.uniform()).toBe(u());
      const [u1, u2] = [u(), u()];
      expect(rng.normal()).toBe(Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
    }
  });

  it('normals have mean ~ 0 and variance ~ 1', () => {
    const rng = createRng(20231129);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });
});
