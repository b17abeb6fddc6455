/** Exact rational arithmetic on {@link Rational} strings, with BigInt numerators and denominators. */
import { Decimal } from 'decimal.js';
import type { Rational } from '../Tableau.js';

/** A parsed rational num / den in lowest terms, den > 0. */
export interface ExactRational {
  readonly num: bigint;
  readonly den: bigint;
}

const SYNTAX = /^(-?\d+)(?:\/(\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(num: bigint, den: bigint): ExactRational {
  const g = gcd(num, den);
  return g === 0n ? { num: 0n, den: 1n } : { num: num / g, den: den / g };
}

/** Parse `'p'` or `'p/q'`; undefined when the text is not a rational with q > 0. */
export function parseRational(text: string): ExactRational | undefined {
  const m = SYNTAX.exec(text);
  if (m === null) return undefined;
  const den = m[2] === undefined ? 1n : BigInt(m[2]);
  if (den === 0n) return undefined;
  return reduce(BigInt(m[1] as string), den);
}

function parsed(text: Rational): ExactRational {
  const r = parseRational(text);
  if (r === undefined) throw new RangeError(`not a rational: ${JSON.stringify(text)}`);
  return r;
}

/** x - y, exactly. */
export function subtractRational(x: Rational, y: Rational): ExactRational {
  const a = parsed(x);
  const b = parsed(y);
  return reduce(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** x === y as numbers (`'2/4'` equals `'1/2'`). */
export function equalRational(x: Rational, y: Rational): boolean {
  return subtractRational(x, y).num === 0n;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const D40 = Decimal.clone({ precision: 40 });

/**
 * The double nearest to the rational. Exact when |num|, den < 2^53 (IEEE division of two exact operands is
 * correctly rounded); otherwise through a 40-digit decimal quotient.
 */
export function rationalToNumber(value: Rational | ExactRational): number {
  const r = typeof value === 'string' ? parsed(value) : value;
  const absNum = r.num < 0n ? -r.num : r.num;
  if (absNum <= MAX_EXACT && r.den <= MAX_EXACT) return Number(r.num) / Number(r.den);
  return new D40(r.num.toString()).div(r.den.toString()).toNumber();
}

/** The rational as a Decimal of the given constructor (rounded to its precision). */
export function rationalToDecimal(value: Rational, D: Decimal.Constructor): Decimal {
  const r = parsed(value);
  return new D(r.num.toString()).div(r.den.toString());
}
