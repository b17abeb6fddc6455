// BROKEN (typo in a stage): RK4 whose third stage uses k1 instead of k2 (A[2] = [1/2, 0]): the order-3
// condition sum b_i a_ij c_j = 1/6 fails (1/12), the order drops to 2. Expected finding: order.
import { explicitRk, RK4 } from './_rk.mjs';

export default explicitRk('rk4 with a stage typo', 4, { ...RK4, A: [[], [0.5], [0.5, 0], [0, 0, 1]] });
