import { describe, expect, test } from 'vitest';
import { NegativeGramOperator } from './NegativeGramOperator.js';

/** B (rows x n, row-major) from a fixed formula. */
const matrix = (rows: number, n: number): Float64Array => Float64Array.from({ length: rows * n }, (_, k) => Math.sin(1.7 * k * k + 0.4 * k + 0.9));

/** V^T (B x), written out. */
function projectByHand(op: NegativeGramOperator, x: Float64Array): number[] {
  const { rows, n, V } = op;
  const B = op.B as Float64Array;
  const bx = Array.from({ length: rows }, (_, i) => x.reduce((s, xj, j) => s + B[i * n + j]! * xj, 0));
  return Array.from({ length: rows }, (_, k) => bx.reduce((s, v, i) => s + V[i * rows + k]! * v, 0));
}

describe('NegativeGramOperator', () => {
  test('rows and n are checked by name', () => {
    expect(() => new NegativeGramOperator(matrix(1, 1), 0, 1)).toThrow('rows=0 must be an integer in [1, 1048576]');
    expect(() => new NegativeGramOperator(matrix(1, 1), 1, 0)).toThrow('n=0 must be an integer in [1, 2147483647]');
    expect(() => new NegativeGramOperator(matrix(1, 1), 1.5, 1)).toThrow('rows=1.5');
  });

  test('lambda: the eigenvalues of B B^T, ascending, with B B^T V = V diag(lambda) and V orthonormal; lambdaMax is the last', () => {
    const rows = 3;
    const n = 5;
    const B = matrix(rows, n);
    const op = new NegativeGramOperator(B, rows, n);
    const { V, lambda } = op;
    for (let k = 1; k < rows; k++) expect(lambda[k]!).toBeGreaterThanOrEqual(lambda[k - 1]!);
    expect(lambda[0]!).toBeGreaterThan(0);
    expect(op.lambdaMax).toBe(lambda[rows - 1]);
    const G = (i: number, j: number) => Array.from({ length: n }, (_, q) => B[i * n + q]! * B[j * n + q]!).reduce((a, b) => a + b, 0);
    for (let k = 0; k < rows; k++) {
      for (let i = 0; i < rows; i++) {
        let gv = 0;
        for (let j = 0; j < rows; j++) gv += G(i, j) * V[j * rows + k]!;
        expect(gv).toBeCloseTo(lambda[k]! * V[i * rows + k]!, 12);
      }
      for (let l = 0; l < rows; l++) {
        let dot = 0;
        for (let i = 0; i < rows; i++) dot += V[i * rows + k]! * V[i * rows + l]!;
        expect(dot).toBeCloseTo(k === l ? 1 : 0, 12);
      }
    }
  });

  test('lambda is clamped at 0 for a rank-deficient B (rounding would give tiny negatives)', () => {
    // rows 2 and 3 are multiples of row 1: B B^T has rank 1, two eigenvalues that are 0 up to rounding
    // (this B gives an eigenvalue of about -3.5e-15 before the clamp)
    const r1 = [Math.sin(1), Math.cos(3), Math.sin(8), 1 / 3];
    const B = Float64Array.from([...r1, ...r1.map((x) => x * Math.PI), ...r1.map((x) => -x * Math.E)]);
    const op = new NegativeGramOperator(B, 3, 4);
    expect(Array.from(op.lambda).every((x) => x >= 0)).toBe(true);
    expect(op.lambda[0]).toBe(0);
    expect(op.lambdaMax).toBeCloseTo((1 + Math.PI ** 2 + Math.E ** 2) * r1.reduce((s, x) => s + x * x, 0), 12);
  });

  test.each([
    [3, 5],
    [3, 6],
    [2, 1],
    [1, 2],
  ])('project (rows %i, n %i: odd and even n) is V^T B x', (rows, n) => {
    const op = new NegativeGramOperator(matrix(rows, n), rows, n);
    const x = Float64Array.from({ length: n }, (_, j) => 0.5 - 0.3 * j);
    const out = new Float64Array(rows).fill(99);
    expect(op.project(x, out)).toBe(out);
    const expected = projectByHand(op, x);
    for (let k = 0; k < rows; k++) expect(out[k]!).toBeCloseTo(expected[k]!, 13);
  });

  test('addBack adds B^T V z to out (accumulates, skipping nothing that is non-zero)', () => {
    const rows = 3;
    const n = 4;
    const B = matrix(rows, n);
    const op = new NegativeGramOperator(B, rows, n);
    const { V } = op;
    for (const z of [Float64Array.of(1, -2, 0.5), Float64Array.of(0, 1, 0), Float64Array.of(0, 0, 0)]) {
      const out = Float64Array.of(1, 2, 3, 4);
      expect(op.addBack(z, out)).toBe(out);
      const vz = Array.from({ length: rows }, (_, i) => z.reduce((s, zk, k) => s + V[i * rows + k]! * zk, 0));
      for (let j = 0; j < n; j++) {
        const expected = j + 1 + vz.reduce((s, v, i) => s + B[i * n + j]! * v, 0);
        expect(out[j]!).toBeCloseTo(expected, 13);
      }
    }
  });

  test('project then addBack is B^T B x (the operator -L), a check independent of V', () => {
    const rows = 2;
    const n = 3;
    const B = Float64Array.of(2, -1, 0.5, 0.3, 1.5, -0.7);
    const op = new NegativeGramOperator(B, rows, n);
    const x = Float64Array.of(0.2, -0.4, 1);
    const modal = op.project(x, new Float64Array(rows));
    const out = op.addBack(modal, new Float64Array(n));
    const bx = [0, 1].map((i) => B[i * n]! * x[0]! + B[i * n + 1]! * x[1]! + B[i * n + 2]! * x[2]!);
    for (let j = 0; j < n; j++) expect(out[j]!).toBeCloseTo(B[j]! * bx[0]! + B[n + j]! * bx[1]!, 13);
  });
});
