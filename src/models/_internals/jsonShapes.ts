/**
 * Shape checks for JSON-like input, composed from the shared validators so errors name the JSON path
 * (`model.Q[1][2]`) and read `name=value must be ...`.
 */
import { NtkInputError } from '../../errors/NtkInputError.js';
import { finiteMatrix } from '../../validate/validators.js';

/** A plain object (not null, not an array), returned as a record for field access. */
export function plainObject(name: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new NtkInputError(name, value, 'an object');
  }
  return value as Record<string, unknown>;
}

/**
 * A count x rows x cols nested array of finite numbers, returned flat: T[(k rows + i) cols + j] = value[k][i][j].
 */
export function finiteTensor3(name: string, value: unknown, count: number, rows: number, cols: number): Float64Array {
  if (!Array.isArray(value)) throw new NtkInputError(name, value, `an array of ${count} matrices (${rows} x ${cols})`);
  if (value.length !== count) throw new NtkInputError(name, value, `an array of ${count} matrices (${rows} x ${cols})`);
  const out = new Float64Array(count * rows * cols);
  value.forEach((slice: unknown, k: number) => {
    out.set(finiteMatrix(`${name}[${k}]`, slice, rows, cols).data, k * rows * cols);
  });
  return out;
}

/** A Float64Array as a plain array for JSON, with -0 written as 0 (JSON has no -0, so a round trip is then exact). */
export function toJsonArray(data: Float64Array): number[] {
  return Array.from(data, (x) => (x === 0 ? 0 : x));
}

/** Flat row-major data back to nested arrays (rows x cols), for JSON output (-0 written as 0). */
export function toNested(data: Float64Array, rows: number, cols: number, offset = 0): number[][] {
  return Array.from({ length: rows }, (_, i) => toJsonArray(data.subarray(offset + i * cols, offset + (i + 1) * cols)));
}
