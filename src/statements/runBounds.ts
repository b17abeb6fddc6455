import type { Run } from '../flow/Run.js';
import { eq19 } from './defs/eq-19.js';
import { prop11, prop11Measure } from './defs/prop-1.1.js';
import { thm12 } from './defs/thm-1.2.js';
import { flowQuantities } from './flowQuantities.js';
import type { Reading, Statement } from './Statement.js';

/** One upper bound on E(T) of a solved run, as its statement's reading evaluates it. */
export interface RunBound {
  readonly id: string;
  readonly reading: string;
  readonly formula: string;
  /** The right-hand side; null when the run is outside the reading's time limit (the claim is then vacuous). */
  readonly bound: number | null;
  /** E / bound (<= 1 when the bound holds); null with the bound. */
  readonly ratio: number | null;
  /** Active branch of a min, when the bound has one. */
  readonly branch?: string;
}

function evaluate<C, M>(statement: Statement<C, M>, name: string, measured: M, E: number): RunBound {
  const reading = statement.readings.find((r) => r.name === name) as Reading<M>;
  const { rhs, branch } = reading.bound(measured);
  const bound = Number.isFinite(rhs) ? rhs : null;
  return {
    id: statement.id,
    reading: name,
    formula: reading.formula,
    bound,
    ratio: bound === null ? null : E / bound,
    ...(branch !== undefined && branch !== 'outside-limit' && { branch }),
  };
}

/**
 * The upper bounds of E(T) that hold for a solved run, each from its statement's restored reading (the
 * constants live there): Thm 1.2 min(6 kappa sqrt(R0), sqrt(8 R0)), Prop 1.1 (b) T^2 Lip(h)^2 Lip(Dh)
 * ||r(0)||^2 / alpha, and eq. (19) (4 sqrt(2) / 3) T^(3/2) Lip(h) Lip(Dh) R0 / alpha, with E / bound.
 */
export function runBounds(run: Run): RunBound[] {
  const q = flowQuantities(run);
  return [evaluate(thm12, 'restored', q, run.E), evaluate(prop11, 'restored-b', prop11Measure(run), run.E), evaluate(eq19, 'restored', q, run.E)];
}
