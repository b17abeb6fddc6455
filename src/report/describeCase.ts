import { loss, residual } from '../flow/residual.js';
import { opNorm } from '../linalg/opNorm.js';
import { parseInstance } from '../flow/parseInstance.js';
import { formatNumber } from '../format/numbers.js';

/** Longest fallback description (compact JSON of an unknown case shape). */
const MAX_FALLBACK = 160;

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Flow case `{ family, direction, instance }`: family, model kind and sizes, alpha, T, R0. */
function describeFlowCase(c: Record<string, unknown>): string {
  const instance = parseInstance(c.instance);
  const { model, alpha, T } = instance;
  const R0 = loss(residual(instance, model.w0));
  const family = typeof c.family === 'string' && c.family !== model.kind ? `${c.family} ` : '';
  const direction = typeof c.direction === 'string' ? `, r(0) ${c.direction}` : '';
  return `${family}${model.kind} n=${model.n} p=${model.p}, alpha=${formatNumber(alpha)}, T=${formatNumber(T)}, R0=${formatNumber(R0)}${direction}`;
}

/** Matrix case `{ n, p, At, Bt, t, mode }` (Lemma 3.3, eq. 25): sizes, t, ||A||, ||B||, how B was drawn. */
function describeMatrixCase(c: Record<string, unknown>): string {
  const n = Number(c.n);
  const p = Number(c.p);
  const norm = (x: unknown) => opNorm(Float64Array.from(x as number[]), n, p);
  return `A, B ${p}x${n}, t=${formatNumber(Number(c.t))}, ||A||=${formatNumber(norm(c.At))}, ||B||=${formatNumber(norm(c.Bt))}, B ${String(c.mode)}`;
}

/** Converse case `{ alpha, T, lip, R0 }` (Thm 1.3): the parameters and kappa = T Lip(Dh) sqrt(R0) / alpha. */
function describeConverseCase(c: Record<'alpha' | 'T' | 'lip' | 'R0', number>): string {
  const kappa = (c.T * c.lip * Math.sqrt(c.R0)) / c.alpha;
  return `converse model, alpha=${formatNumber(c.alpha)}, T=${formatNumber(c.T)}, Lip(Dh)=${formatNumber(c.lip)}, R0=${formatNumber(c.R0)} (kappa=${formatNumber(kappa)})`;
}

const isConverseCase = (c: Record<string, unknown>): c is Record<'alpha' | 'T' | 'lip' | 'R0', number> =>
  ['alpha', 'T', 'lip', 'R0'].every((k) => typeof c[k] === 'number');

/**
 * A one-line description of a counterexample's case (as a statement's `describe` wrote it), for the errata table.
 * Recognizes flow, matrix and converse cases; any other shape (a statement added later) is shown as compact JSON,
 * cut to 160 characters — the full case is in summary.json either way.
 */
export function describeCase(description: unknown): string {
  try {
    if (isRecord(description) && isRecord(description.instance)) return describeFlowCase(description);
    if (isRecord(description) && Array.isArray(description.At) && Array.isArray(description.Bt)) return describeMatrixCase(description);
    if (isRecord(description) && isConverseCase(description)) return describeConverseCase(description);
  } catch {
    // an unexpected shape: fall back to the JSON below
  }
  const json = JSON.stringify(description) ?? String(description);
  return json.length <= MAX_FALLBACK ? json : `${json.slice(0, MAX_FALLBACK - 3)}...`;
}
