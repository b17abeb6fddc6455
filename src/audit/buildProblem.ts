import { parseInstance } from '../flow/parseInstance.js';
import { abruptClockProblem } from './abruptClockProblem.js';
import type { AuditProblem } from './AuditProblem.js';
import { gradientFlowProblem } from './gradientFlowProblem.js';
import type { ProblemSpec } from './ProblemSpec.js';
import { timeWarpedProblem } from './timeWarpedProblem.js';

/**
 * The audit problem a {@link ProblemSpec} describes: the gradient flow of its instance (`parseInstance` rebuilds
 * the model bit for bit), warped as the spec says. `buildProblem(p.spec)` evaluates exactly as `p`.
 */
export function buildProblem(spec: ProblemSpec): AuditProblem {
  const flow = gradientFlowProblem(parseInstance(spec.instance));
  if (spec.warp === undefined) return flow;
  return spec.warp.kind === 'smooth' ? timeWarpedProblem(flow, spec.warp.T) : abruptClockProblem(flow, spec.warp.T);
}
