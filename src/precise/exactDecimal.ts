import { finiteNumber } from '../validate/validators.js';

/**
 * The exact decimal value of a double, as a string decimal.js reads exactly (e.g. 0.1 gives
 * 0.1000000000000000055511151231257827021181583404541015625, as 'digits e-55', not '0.1'): m 2^e = m 5^-e 10^e
 * for e < 0, with m odd. Unlike `String(x)`, which is only the
 * shortest decimal that rounds back to x, this is the very number a float computation used.
 */
export function exactDecimal(x: number): string {
  finiteNumber('exactDecimal.x', x);
  if (x === 0) return '0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? '-' : '';
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  let mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  let exponent = (biased === 0 ? 1 : biased) - 1075;
  while (exponent < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  if (exponent >= 0) return `${sign}${(mantissa << BigInt(exponent)).toString()}`;
  return `${sign}${(mantissa * 5n ** BigInt(-exponent)).toString()}e${exponent}`;
}
