/**
 * How ntk-check writes a number in text: every report, message, plot title and CLI line formats its numbers with
 * these functions, so one kind of quantity reads the same everywhere. JSON outputs keep full doubles
 * ({@link jsonNumber} only spells out the values JSON cannot hold).
 */

/** A number or the spelled-out non-finite value JSON cannot hold ('Infinity', '-Infinity', 'NaN'). */
export type JsonNumber = number | string;

/** A number for a JSON output: JSON has no Infinity or NaN, so those become strings. */
export function jsonNumber(x: number): JsonNumber {
  return Number.isFinite(x) ? x : String(x);
}

/**
 * A measured value for a human: `digits` significant digits without trailing zeros, in exponent form outside
 * [1e-3, 1e6); 'inf' / '-inf' / 'NaN' spelled out; strings (a {@link JsonNumber}'s spelled-out values) passed through.
 */
export function formatNumber(x: JsonNumber, digits = 4): string {
  if (typeof x === 'string') return x;
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e-3 && abs < 1e6 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

/**
 * A tightness ratio (measured / bound): like {@link formatNumber} with 5 digits, but never rounded onto 1 — a
 * ratio within rounding of 1 gets the digits that tell it apart, plus one ('0.999999994'), and exactly 1 says so.
 */
export function formatTightness(x: JsonNumber): string {
  if (typeof x === 'string') return x;
  if (x === 1) return '1 (equality)';
  const short = formatNumber(x, 5);
  if (Number(short) !== 1) return short;
  for (let digits = 6; digits < 17; digits++) {
    if (Number(x.toPrecision(digits)) !== 1) return x.toPrecision(digits + 1); // one digit past the first that differs
  }
  return x.toPrecision(17);
}

/**
 * Exactly `digits` significant digits, trailing zeros kept ('0.5000', '1.235e-7': JavaScript's `toPrecision`), for
 * values whose precision is part of the message (ratios, constants, parameters); 'Infinity' / 'NaN' as JavaScript
 * writes them.
 */
export function significant(x: number, digits: number): string {
  return x.toPrecision(digits);
}

/** `x` to `digits` significant digits without trailing zeros, in JavaScript's shortest form; '-' for NaN or no value. */
export function compact(x: number | undefined, digits = 4): string {
  if (x === undefined || Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return Number(x.toPrecision(digits)).toString();
}

/** A relative error or other small positive number: `digits` significant digits in exponent form ('3.2e-9'). */
export function scientific(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toExponential(digits - 1) : String(x);
}

/** A slope, an order or a percentage: `decimals` digits after the point. */
export function fixed(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

/** A duration for a human: seconds with one decimal and the unit ('12.3 s'). */
export function seconds(s: number): string {
  return `${s.toFixed(1)} s`;
}
