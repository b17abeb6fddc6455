// CORRECT: the classical RK4 through the plain driver of _rk.mjs (the reference the broken RK4s below deviate from).
import { explicitRk, RK4 } from './_rk.mjs';

export default explicitRk('rk4 (hand-written)', 4, RK4);
