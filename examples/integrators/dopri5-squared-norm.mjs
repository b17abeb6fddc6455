// BROKEN (adaptive): the error norm misses its square root, err = 1/n sum (e_i / sc_i)^2: accepting err <= 1 is
// unchanged, but the step-size factor err^(-1/5) becomes err_true^(-2/5) and the step size oscillates.
// Expected finding: step-control.
import { dopri } from './_dopri.mjs';

export default dopri('dopri5 with an error norm missing its square root', { squaredNorm: true });
