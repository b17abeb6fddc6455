// CORRECT: Ralston's third-order method (Ralston 1962), hand-written in plain JavaScript.
import { explicitRk } from './_rk.mjs';

export default explicitRk('ralston3', 3, { c: [0, 1 / 2, 3 / 4], A: [[], [1 / 2], [0, 3 / 4]], b: [2 / 9, 1 / 3, 4 / 9] });
