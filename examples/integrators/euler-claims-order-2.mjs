// BROKEN (wrong claim): a correct forward Euler that claims order 2. Expected finding: order.
import { explicitRk } from './_rk.mjs';

export default explicitRk('euler claiming order 2', 2, { c: [0], A: [[]], b: [1] });
