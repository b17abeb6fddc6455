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
  const extra = dense.extraStages;
  const extras = extra === undefined ? 0 : Array.isArray(extra.c) ? extra.c.length : -1;
  if (extra !== undefined && (extras < 1 || !Array.isArray(extra.A) || extra.A.length !== extras)) {
    throw new NtkInputError('tableau.dense.extraStages', extra, 'nodes c and rows A, one each per extra stage');
  }
  const rows = s + Math.max(0, extras);
  if (!Array.isArray(dense.P) || dense.P.length !== rows) throw new NtkInputError('tableau.dense.P', dense.P, `an array of ${rows} rows`);
  const degree = dense.P[0]?.length ?? 0;
  if (degree < 1) throw new NtkInputError('tableau.dense.P[0]', dense.P[0], 'a non-empty row');
  const P = Object.freeze(dense.P.map((row, i) => rationals(`tableau.dense.P[${i}]`, row, degree)));
  if (extra === undefined) return Object.freeze({ order, P });
  const extraStages = Object.freeze({
    c: rationals('tableau.dense.extraStages.c', extra.c, extras),
    A: Object.freeze(extra.A.map((row, r) => rationals(`tableau.dense.extraStages.A[${r}]`, row, s + r))),
  });
  return Object.freeze({ order, P, extraStages });
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
  if (spec.bLow !== undefined && spec.bHat === undefined) throw new NtkInputError('tableau.bLow', spec.bLow, 'given only with bHat');
  if ((spec.bLow === undefined) !== (spec.lowOrder === undefined)) throw new NtkInputError('tableau.lowOrder', spec.lowOrder, 'given exactly when bLow is');
  const low =
    spec.bLow === undefined ? {} : { bLow: rationals('tableau.bLow', spec.bLow, s), lowOrder: integerInRange('tableau.lowOrder', spec.lowOrder, 1, 20) };
  const out: Tableau = {
    name: spec.name,
    order,
    c,
    A,
    b,
    ...embedded,
    ...low,
    ...(spec.errorOrder === undefined ? {} : { errorOrder: integerInRange('tableau.errorOrder', spec.errorOrder, 1, 20) }),
    ...(spec.digits === undefined ? {} : { digits: integerInRange('tableau.digits', spec.digits, 16, 1000) }),
    ...(spec.fsal === true ? { fsal: true } : {}),
    ...(spec.dense === undefined ? {} : { dense: freezeDense(spec.dense, s) }),
    reference: String(spec.reference),
  };
  if (out.fsal === true) checkFsal(out, s);
  return Object.freeze(out);
}
