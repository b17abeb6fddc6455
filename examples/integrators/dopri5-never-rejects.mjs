// BROKEN (adaptive): the step controller accepts every step, whatever its error estimate (it only adapts the next
// step size). Fine while the solution is smooth; wrong across a sudden change. Expected findings: tolerance,
// step-rejection.
import { dopri } from './_dopri.mjs';

export default dopri('dopri5 that never rejects a step', { neverReject: true });
