import { NtkInputError } from '../errors/NtkInputError.js';
import { integerInRange } from '../validate/validators.js';
import { equalRational, parseRational } from './_internals/rational.js';
import type { DenseExtension, Rational, Tableau } from './Tableau.js';

function rationals(name: string, value: unknown, length: number): readonly Rational[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new NtkInputError(name, value, `an array of ${length} rational strings`);
  }
  value.forEach((x: unknown, i: number) => {
    if (typeof x !== 'string' || parseRational(x) === undefined) {
      throw new NtkInputError(`${name}[${i}]`, x, "a rational string such as '3' or '-56/15'");
    }
  });
  return Object.freeze([...(value as Rational[])]);
}

function checkFsal(t: Tableau, s: number): void {
  const last = t.A[s - 1] ?? [];
  const ok =
    s >= 2 &&
    equalRational(t.c[s - 1] as Rational, '1') &&
    equalRational(t.b[s - 1] as Rational, '0') &&
    last.every((a, j) => equalRational(a, t.b[j] as Rational));
  if (!ok) throw new NtkInputError('tableau.fsal', true, 'set only when c[s-1] = 1, A[s-1] = b and b[s-1] = 0');
}

function freezeDense(dense: DenseExtension, s: number): DenseExtension {
  const order = integerInRange('tableau.dense.order', dense.order, 1, 20);
  if (!Array.isArray(dense.P) || dense.P.length !== s) throw new NtkInputError('tableau.dense.P', dense.P, `an array of ${s} rows`);
  const degree = dense.P[0]?.length ?? 0;
  if (degree < 1) throw new NtkInputError('tableau.dense.P[0]', dense.P[0], 'a non-empty row');
  const P = Object.freeze(dense.P.map((row, i) => rationals(`tableau.dense.P[${i}]`, row, degree)));
  return Object.freeze({ order, P });
}

/**
 * Check a Butcher tableau's shapes and rational syntax (explicit: A strictly lower triangular, ragged rows;
 * c[0] = 0; `bHat` with `embeddedOrder`; FSAL structure; dense rows) and return a deep-frozen copy.
 * Throws {@link NtkInputError} naming the offending field. The order conditions are not checked here:
 * {@link orderConditions} does that in the test suite. Reference: Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.1.
 */
export function defineTableau(spec: Tableau): Tableau {
  if (typeof spec.name !== 'string' || spec.name === '') throw new NtkInputError('tableau.name', spec.name, 'a non-empty string');
  const order = integerInRange('tableau.order', spec.order, 1, 20);
  const s = Array.isArray(spec.c) ? spec.c.length : 0;
  if (s < 1) throw new NtkInputError('tableau.c', spec.c, 'a non-empty array');
  const c = rationals('tableau.c', spec.c, s);
  if (!equalRational(c[0] as Rational, '0')) throw new NtkInputError('tableau.c[0]', c[0], "'0' (explicit method)");
  if (!Array.isArray(spec.A) || spec.A.length !== s) throw new NtkInputError('tableau.A', spec.A, `an array of ${s} rows`);
  const A = Object.freeze(spec.A.map((row, i) => rationals(`tableau.A[${i}]`, row, i)));
  const b = rationals('tableau.b', spec.b, s);
  if ((spec.bHat === undefined) !== (spec.embeddedOrder === undefined)) {
    throw new NtkInputError('tableau.embeddedOrder', spec.embeddedOrder, 'given exactly when bHat is');
  }
  const embedded =
    spec.bHat === undefined
      ? {}
      : { bHat: rationals('tableau.bHat', spec.bHat, s), embeddedOrder: integerInRange('tableau.embeddedOrder', spec.embeddedOrder, 1, 20) };
  const out: Tableau = {
    name: spec.name,
    order,
    c,
    A,
    b,
    ...embedded,
    ...(spec.fsal === true ? { fsal: true } : {}),
    ...(spec.dense === undefined ? {} : { dense: freezeDense(spec.dense, s) }),
    reference: String(spec.reference),
  };
  if (out.fsal === true) checkFsal(out, s);
  return Object.freeze(out);
}
