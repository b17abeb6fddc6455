import { Matrix } from 'ml-matrix';

/** Copy a rows x cols row-major Float64Array into an ml-matrix Matrix (a fresh copy: no aliasing). */
export function toMatrix(data: Float64Array, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) m.set(i, j, data[i * cols + j] ?? 0);
  }
  return m;
}
