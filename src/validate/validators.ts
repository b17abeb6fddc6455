/**
 * The one set of argument checks every public entry uses. Each throws {@link NtkInputError} with a
 * message `name=value must be ...`, and returns the checked value (narrowed) so calls compose.
 */
import { NtkInputError } from '../errors/NtkInputError.js';

/** A finite number (not NaN, not +-Infinity, and of type number). */
export function finiteNumber(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new NtkInputError(name, value, 'a finite number');
  return value;
}

/** A finite number > 0. */
export function positiveNumber(name: string, value: unknown): number {
  const x = finiteNumber(name, value);
  if (!(x > 0)) throw new NtkInputError(name, value, 'a finite number > 0');
  return x;
}

/** A finite number >= 0 (-0 is accepted as 0). */
export function nonNegativeNumber(name: string, value: unknown): number {
  const x = finiteNumber(name, value);
  if (!(x >= 0)) throw new NtkInputError(name, value, 'a finite number >= 0');
  return x === 0 ? 0 : x;
}

/** A number >= 0 that may be +Infinity (a ball radius, a Lipschitz constant on an unbounded ball). */
export function nonNegativeOrInfinity(name: string, value: unknown): number {
  if (value === Infinity) return Infinity;
  return nonNegativeNumber(name, value);
}

/** An integer in [min, max]. */
export function integerInRange(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new NtkInputError(name, value, `an integer in [${min}, ${max}]`);
  }
  return value;
}

/** A non-empty array of finite numbers, of the given length when `length` is set. Copied into a Float64Array. */
export function finiteVector(name: string, value: unknown, length?: number): Float64Array {
  if (!(Array.isArray(value) || value instanceof Float64Array)) throw new NtkInputError(name, value, 'an array of finite numbers');
  if (value.length === 0) throw new NtkInputError(name, value, 'a non-empty array');
  if (length !== undefined && value.length !== length) {
    throw new NtkInputError(name, value, `an array of length ${length}`);
  }
  if (value instanceof Float64Array) {
    // a copy and one check per entry, in a loop that sees only Float64Arrays (the mixed loop below is far slower at p ~ 10^4)
    const copy = value.slice();
    for (let i = 0; i < copy.length; i++) if (!Number.isFinite(copy[i] as number)) finiteNumber(`${name}[${i}]`, copy[i]);
    return copy;
  }
  const out = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    // the entry's name is built only for the error (a string per entry made long vectors slow to check)
    out[i] = typeof x === 'number' && Number.isFinite(x) ? x : finiteNumber(`${name}[${i}]`, x);
  }
  return out;
}

/** A rows x cols nested array of finite numbers, returned row-major in a Float64Array. */
export function finiteMatrix(name: string, value: unknown, rows?: number, cols?: number): { data: Float64Array; rows: number; cols: number } {
  if (!Array.isArray(value) || value.length === 0) throw new NtkInputError(name, value, 'a non-empty array of rows');
  if (rows !== undefined && value.length !== rows) throw new NtkInputError(name, value, `an array of ${rows} rows`);
  const first: unknown = value[0];
  const c = cols ?? (Array.isArray(first) ? first.length : 0);
  const data = new Float64Array(value.length * c);
  value.forEach((row: unknown, i: number) => {
    data.set(finiteVector(`${name}[${i}]`, row, c), i * c);
  });
  return { data, rows: value.length, cols: c };
}

/** Two dimensions that must agree. */
export function sameDimension(name: string, actual: number, expected: number): void {
  if (actual !== expected) throw new NtkInputError(name, actual, `equal to ${expected} (dimension mismatch)`);
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new NtkInputError(name, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}
