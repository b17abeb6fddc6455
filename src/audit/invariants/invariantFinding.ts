import { significant } from '../../format/numbers.js';
import { loss, residual } from '../../flow/residual.js';
import { instanceToJson } from '../../flow/instanceToJson.js';
import type { Finding } from '../AuditReport.js';
import { scientific } from '../../format/numbers.js';
import { ADAPTIVE_RTOL_FINE, REFINE, type Violation } from './checkCase.js';
import type { InvariantCounterexample } from './invariantStudy.js';

/** What a violation says, in words. */
function what(v: Violation, R0: number): string {
  const beyond = `more than twice the method's own error there (${scientific(v.methodError)}, from a finer re-solve: ${REFINE}x the steps, or rtol ${ADAPTIVE_RTOL_FINE} for an adaptive solver)`;
  switch (v.kind) {
    case 'non-finite':
      return `solve returned a non-finite state after ${v.k} steps at a stable step size (h L <= 1/2)`;
    case 'loss-increase':
      return `the loss R = 1/2 ||y* - alpha h(w)||^2 increases over step ${v.k} (to t=${significant(v.t, 4)}) by ${scientific(v.value)} (${scientific(v.value / R0)} R0), ${beyond}`;
    case 'prop-3.1':
      return `||w(t) - w0|| = ${scientific(v.value)} exceeds Prop 3.1's bound sqrt(t R0)/alpha = ${scientific(v.bound)} after step ${v.k} (t=${significant(v.t, 4)}) by ${beyond}`;
    case 'thm-1.2':
      return `E(t) = ||r(t) - rbar(t)|| = ${scientific(v.value)} exceeds Thm 1.2's bound min(6 kappa sqrt(R0), sqrt(8 R0)) = ${scientific(v.bound)} (kappa(t)=${scientific(v.kappa)}) after step ${v.k} (t=${significant(v.t, 4)}) by ${beyond}`;
  }
}

/**
 * The finding of a shrunk invariant counterexample: the violation in words, the size it shrank to, and a
 * counterexample holding the instance (the JSON of `ntk-check solve --instance`), the step count, the step where
 * it shows, both sides, the method's error, and the fast-check seed and path that replay it.
 */
export function invariantFinding(cx: InvariantCounterexample): Finding {
  const { violation: v, case: c } = cx;
  const { model } = c.flow.instance;
  const R0 = loss(residual(c.flow.instance, model.w0));
  return {
    kind: v.kind,
    detail: `${what(v, R0)}; shrunk to a ${c.flow.family} flow with n=${model.n}, p=${model.p} and ${c.steps} steps`,
    counterexample: {
      instance: instanceToJson(c.flow.instance),
      family: c.flow.family,
      steps: c.steps,
      step: v.k,
      t: v.t,
      ...(v.kind === 'non-finite' ? {} : { value: v.value, bound: v.bound, methodError: v.methodError }),
      seed: cx.seed,
      path: cx.path,
    },
  };
}
