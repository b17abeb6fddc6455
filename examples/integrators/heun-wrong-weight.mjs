// BROKEN (wrong coefficient): Heun's method with weights (1/4, 3/4) instead of (1/2, 1/2): sum b c = 3/4, not
// 1/2, so the order drops to 1. Expected finding: order.
import { explicitRk } from './_rk.mjs';

export default explicitRk('heun with a wrong weight', 2, { c: [0, 1], A: [[], [1]], b: [1 / 4, 3 / 4] });
