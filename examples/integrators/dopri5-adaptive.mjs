// CORRECT (adaptive): Dormand-Prince 5(4) with Hairer's error norm and step control, written out from the
// published tableau in _dopri.mjs. Reports its f evaluations, an error estimate and its step counts.
import { dopri } from './_dopri.mjs';

export default dopri('dopri5 (adaptive, hand-written)');
