// BROKEN (adaptive): the error scale is rtol |y_i| only; atol is accepted and ignored. Expected finding: atol.
import { dopri } from './_dopri.mjs';

export default dopri('dopri5 that ignores atol', { ignoreAtol: true });
