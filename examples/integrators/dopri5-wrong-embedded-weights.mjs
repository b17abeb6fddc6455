// BROKEN (adaptive): the embedded (4th-order) weights are the 5th-order ones, a copy-paste of the row above in
// the tableau: the estimate y1 - yhat1 vanishes, every step is accepted and grows to the largest allowed.
// Expected findings: tolerance, error-estimate.
import { dopri } from './_dopri.mjs';

export default dopri('dopri5 with the wrong embedded weights', { bHat: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0] });
