import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import cubic from '../../examples/models/cubic-features.js';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { checkJacobian } from '../../src/model/checkJacobian.js';
import { checkModel } from '../../src/model/checkModel.js';
import { thm12 } from '../../src/statements/defs/thm-1.2.js';
import { searchLipschitz } from '../../src/model/searchLipschitz.js';
import { userSmoothModel } from '../../src/model/userSmoothModel.js';
import { runCli } from '../cli/runCli.js';

const unbounded = { lipDh: () => Infinity, lipH: () => Infinity };
const points = [Float64Array.of(0.2, -0.1, 0.3), Float64Array.of(0, 0, 0), Float64Array.of(1.5, -2, 0.7)];

describe('model checks', () => {
  it('accepts an exact Jacobian (also where h = 0) and catches a relative error of 1e-6 in one entry', () => {
    expect(checkJacobian(userSmoothModel(cubic, unbounded), points).worstRatio).toBeLessThan(1);
    const slightlyWrong = {
      ...cubic,
      jacobian: (w: Float64Array) => (cubic.jacobian(w) as number[][]).map((row, i) => row.map((x, j) => (i === 2 && j === 1 ? x * (1 + 1e-6) : x))),
    };
    const check = checkJacobian(userSmoothModel(slightlyWrong, unbounded), points);
    expect(check.mismatch).toMatchObject({ i: 2, j: 1 });
  });

  it('finds Lip(Dh) of the cubic model from below, close to a local second-derivative norm', () => {
    const model = userSmoothModel(cubic, unbounded);
    const found = searchLipschitz(model, 1, 3, { points: 24, climbers: 2, steps: 60 });
    const declared = cubic.lipDh?.(1) as number;
    expect(found.lipDh.ratio).toBeLessThanOrEqual(declared);
    // Near pairs approach sup_w sup_|e|=1 ||D^2h(w)[e, .]||, and D^2h_k(w)[e, .] = z_k (x_k . e) x_k^T (g'' (z) = z): row 3
    // alone gives |z_3| ||x_3||^2 at e = x_3 / ||x_3||, and |z_3| reaches |<x_3, w0>| + ||x_3|| on the unit ball.
    const x3 = [0.5, 0.5, 1];
    const x3w0 = 0.5 * 0.2 + 0.5 * -0.1 + 1 * 0.3;
    const atBoundary = 0.9 * (Math.abs(x3w0) + Math.hypot(...x3)) * Math.hypot(...x3) ** 2; // the search reaches 90% of it
    expect(found.lipDh.ratio).toBeGreaterThan(atBoundary);
    expect(found.nonFinite).toBeUndefined();
  });

  it('describes a case on a model without a JSON form (so checkReading can report it), and rejects its revival', () => {
    const model = userSmoothModel(cubic, unbounded);
    const c = { instance: { model, yStar: Float64Array.of(1, 0, 0, 0), alpha: 2, T: 0.5 }, family: 'user', direction: 'random' };
    expect(thm12.describe(c)).toEqual({
      family: 'user',
      direction: 'random',
      instance: { model: { kind: 'user', p: 3, n: 4 }, w0: [0.2, -0.1, 0.3], yStar: [1, 0, 0, 0], alpha: 2, T: 0.5 },
    });
    expect(() => thm12.revive(thm12.describe(c))).toThrow(NtkInputError);
  });

  it("turns a throw of the user's model away from w0 into bad input naming the point", () => {
    const fragile = {
      ...cubic,
      value: (w: Float64Array) =>
        (w[0] as number) > 0.5
          ? (() => {
              throw new Error('overflow guard');
            })()
          : cubic.value(w),
    };
    expect(() => checkModel(fragile, { runs: 2, statements: ['thm-1.2'] })).toThrow(
      /^model\.value=.* must be a function that returns at every w of the ball \(it threw Error: overflow guard at w = \[/,
    );
  });

  it('writes report.json and the lazy-horizon SVG with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-model-'));
    try {
      const { code } = await runCli('model', join('examples', 'models', 'cubic-features.ts'), '--runs', '2', '--statement', 'thm-1.2', '--out', dir);
      expect(code).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ verdict: 'pass' });
      expect(existsSync(join(dir, 'lazy-horizon.svg'))).toBe(true);
      const svg = readFileSync(join(dir, 'lazy-horizon.svg'), 'utf8');
      expect(svg).toMatch(/^<svg/);
      expect(svg).toMatch(/lazy horizon at alpha = 2/);
      expect(svg).toMatch(/Thm 1\.2 bound/);
      expect(svg).toMatch(/role-legend/); // which line is which
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
