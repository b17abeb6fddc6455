/**
 * flow.residual — eq. (13).
 * Statement: dr/dt = -K_t r along the solved trajectory (pointwise, from the right-hand side, and in integral form over the dense
 * solution) and rbar(t) = exp(-K0 t) r(0) agrees with an ODE solve of rbar' = -K0 rbar; relative residual <= 1e-6 (100 x the working rtol).
 * Hypotheses: none (an identity of the flow).
 * Readings, verdicts and the sanity mutant: src/statements/defs/flow.residual.ts (the registry).
 */
import { flowResidual } from '../src/statements/defs/flow.residual.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(flowResidual);
