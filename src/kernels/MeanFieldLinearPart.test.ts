/**
 * The mean-field net's structured linear part (src/kernels/MeanFieldLinearPart.ts): its products B y, B^T v and B B^T
 * agree bit for bit between the WebAssembly kernels and their TypeScript twins (attached, detached, and the 'js' core's),
 * and with the dense products of the model's J(w) within a stated rounding bound, which a linear part at another state
 * (the sanity mutant) fails.
 */
import { describe, expect, test } from 'vitest';
import { meanFieldNet } from '../models/meanField.js';
import type { MeanFieldModel } from '../models/meanField.js';
import { mulberry32 } from '../random/mulberry32.js';
import { createMeanFieldFlowCore } from './createMeanFieldFlowCore.js';
import type { KernelActivation } from './kernelActivation.js';
import { wasmHeap } from './kernelBackend.js';
import type { MeanFieldLinearPart } from './MeanFieldLinearPart.js';

const rng = mulberry32(61);
const u = (): number => 2 * rng() - 1;
const vector = (length: number, scale = 1): Float64Array => Float64Array.from({ length }, () => scale * u());
const EPS = Number.EPSILON;

function net(activation: KernelActivation, m: number, n: number, dim: number): MeanFieldModel {
  return meanFieldNet({
    activation,
    x: Array.from({ length: n }, () => Array.from({ length: dim }, u)),
    a: Array.from({ length: m }, u),
    U: Array.from({ length: m }, () => Array.from({ length: dim }, u)),
  });
}

const parts = (model: MeanFieldModel, dd: Float64Array, backend: 'wasm' | 'js'): MeanFieldLinearPart => {
  const { activation, m, n, d, x, w0 } = model;
  return createMeanFieldFlowCore({ activation: activation.name, m, n, dim: d, x, w0 }, backend).linearPart(dd) as MeanFieldLinearPart;
};

/** B y, B^T v (added to `start`) and B B^T of a part. */
function products(part: MeanFieldLinearPart, y: Float64Array, v: Float64Array, start: Float64Array): Float64Array[] {
  const By = new Float64Array(part.rows);
  part.project(y, By);
  const Btv = Float64Array.from(start);
  part.addBack(v, Btv);
  return [By, Btv, part.gram()];
}

const bits = (arrays: Float64Array[]): number[][] => arrays.map((a) => Array.from(a));

/**
 * Whether `got` (B y, B^T v added to `start`, B B^T) is within the rounding bound of the dense products of J = J(w):
 * entry by entry |got - exact| <= 64 eps sum |terms| + 8 eps sum scale_q |operand_q|. The first covers the sums'
 * rounding: the dense reference's p-term sums ((p - 1) u sum |terms|, u = eps / 2, p <= 63 here) and the structured
 * ones ((dim + n + 3) u). The second covers the activations: the kernel's and the model's sigma are each within 2 eps
 * of the exact one, so s and sigma' = s (1 - s) or 1 - s^2 differ by at most ~5 eps, times the entry's scale factor
 * (cA for a_i, cU |a_i| |x_jk| <= cU |a_i| max |x| for u_ik).
 */
function withinBound(model: MeanFieldModel, w: Float64Array, y: Float64Array, v: Float64Array, start: Float64Array, got: Float64Array[]): boolean {
  const { n, p, m, d } = model;
  const J = model.jacobian(w);
  const cA = 1 / Math.sqrt(n * m);
  const cU = 1 / Math.sqrt(n);
  const xMax = Math.max(...Array.from(model.x, Math.abs));
  // |B - J| entry by entry <= 4 eps times the entry's scale: cA for a_i, cU |a_i| |x_jk| (<= cU |a_i| xMax) for u_ik
  const scale = (q: number): number => (q < m ? cA : cU * Math.abs(w[Math.floor((q - m) / d)] as number) * xMax);
  const ok = (exact: number, value: number, abs: number, entry: number): boolean => Math.abs(value - exact) <= 64 * EPS * abs + 8 * EPS * entry;
  const [By, Btv, K] = got as [Float64Array, Float64Array, Float64Array];
  for (let j = 0; j < n; j++) {
    let s = 0;
    let abs = 0;
    let entry = 0;
    for (let q = 0; q < p; q++) {
      s += (J[j * p + q] as number) * (y[q] as number);
      abs += Math.abs((J[j * p + q] as number) * (y[q] as number));
      entry += scale(q) * Math.abs(y[q] as number);
    }
    if (!ok(s, By[j] as number, abs, entry)) return false;
    for (let k = 0; k < n; k++) {
      let g = 0;
      let gAbs = 0;
      let gEntry = 0;
      for (let q = 0; q < p; q++) {
        g += (J[j * p + q] as number) * (J[k * p + q] as number);
        gAbs += Math.abs((J[j * p + q] as number) * (J[k * p + q] as number));
        gEntry += scale(q) * (Math.abs(J[j * p + q] as number) + Math.abs(J[k * p + q] as number));
      }
      if (!ok(g, K[j * n + k] as number, gAbs, gEntry)) return false;
    }
  }
  for (let q = 0; q < p; q++) {
    let s = start[q] as number;
    let abs = Math.abs(s);
    let entry = 0;
    for (let j = 0; j < n; j++) {
      s += (J[j * p + q] as number) * (v[j] as number);
      abs += Math.abs((J[j * p + q] as number) * (v[j] as number));
      entry += scale(q) * Math.abs(v[j] as number);
    }
    if (!ok(s, Btv[q] as number, abs, entry)) return false;
  }
  return true;
}

// shapes reaching every blocked loop and remainder: dim = 8 (two neurons at a time) with odd m, n = 8 + 1 and 8 + 2
// (eight outputs at a time, then two, then one), odd dim (lane pairs, then one lane)
const SHAPES = [
  ['sigmoid', 6, 8, 8],
  ['tanh', 7, 9, 8],
  ['sigmoid', 5, 3, 3],
  ['tanh', 4, 10, 5],
] as const;

describe('MeanFieldLinearPart: the products with J(w) from the activations', () => {
  test.each(SHAPES)(
    '%s m = %i, n = %i, dim = %i: within the rounding bound of the dense J(w) products; a part at another state is not',
    (activation, m, n, dim) => {
      const model = net(activation, m, n, dim);
      const dd = vector(model.p, 0.3);
      const w = Float64Array.from(model.w0, (x, q) => x + (dd[q] as number));
      const y = vector(model.p);
      const v = vector(n);
      const start = vector(model.p);
      const got = products(parts(model, dd, 'js'), y, v, start);
      expect(withinBound(model, w, y, v, start, got)).toBe(true);
      // sanity mutant: the linear part at a nearby state (dd moved by 1e-6) is far outside the bound
      const moved = Float64Array.from(dd, (x) => x + 1e-6);
      expect(withinBound(model, w, y, v, start, products(parts(model, moved, 'js'), y, v, start))).toBe(false);
    },
  );

  describe.runIf(wasmHeap !== undefined)('WebAssembly and TypeScript agree bit for bit', () => {
    test.each(SHAPES)('%s m = %i, n = %i, dim = %i: attached, detached and the js core', (activation, m, n, dim) => {
      const model = net(activation, m, n, dim);
      const dd = vector(model.p, 0.3);
      const y = vector(model.p);
      const v = vector(n);
      const start = vector(model.p);
      const wasm = parts(model, dd, 'wasm');
      expect(wasm.finite()).toBe(true);
      const attached = bits(products(wasm, y, v, start));
      expect(bits(products(parts(model, dd, 'js'), y, v, start))).toEqual(attached);
      wasm.detach();
      expect(wasm.finite()).toBe(true);
      expect(bits(products(wasm, y, v, start))).toEqual(attached);
    });

    test("a core's next part detaches its previous one, which keeps its own B", () => {
      const model = net('sigmoid', 6, 8, 8);
      const core = createMeanFieldFlowCore({ activation: 'sigmoid', m: 6, n: 8, dim: 8, x: model.x, w0: model.w0 }, 'wasm');
      const y = vector(model.p);
      const v = vector(8);
      const start = vector(model.p);
      const first = core.linearPart(vector(model.p, 0.3)) as MeanFieldLinearPart;
      const before = bits(products(first, y, v, start));
      const second = core.linearPart(vector(model.p, 0.3)) as MeanFieldLinearPart;
      expect(bits(products(first, y, v, start))).toEqual(before);
      expect(bits(products(second, y, v, start))).not.toEqual(before);
    });
  });
});
