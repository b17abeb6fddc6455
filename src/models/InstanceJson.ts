/**
 * The JSON instance format (what `parseInstance` reads and `instanceToJson` writes), as TypeScript types derived
 * from its JSON Schema (instanceSchema.ts): one source for both. All matrices are nested arrays, row by row;
 * numbers are finite. `d = w - w0`.
 */
import type { Static } from '@sinclair/typebox';
import type { InstanceSchema, MeanFieldSpecSchema, QuadraticSpecSchema, ScalarSpecSchema } from './instanceSchema.js';

/** h(w) = h0 + G d + Q[d, d] / 2; h0: [n], G: [n][p], Q: [n][p][p] with each Q[k] symmetric. */
export type QuadraticSpec = Static<typeof QuadraticSpecSchema>;

/** h(w) = a w + b w^2 / 2 (p = n = 1), in absolute w (not w - w0). */
export type ScalarSpec = Static<typeof ScalarSpecSchema>;

/**
 * Mean-field 2-layer net, eq. (8): x: [n][d] inputs, a: [m] output weights, U: [m][d] input weights
 * (row i = u_i). The reference point is w0 = (a, U), so the instance carries no separate `w0`.
 */
export type MeanFieldSpec = Static<typeof MeanFieldSpecSchema>;

/** The `model` field of an instance: one object per model family, told apart by `kind`. */
export type ModelSpec = QuadraticSpec | ScalarSpec | MeanFieldSpec;

/**
 * A whole instance. `w0` ([p]) is required for 'quadratic' and 'scalar' ([1]) and absent for 'meanField';
 * `$schema` (optional) names the JSON Schema for editors.
 */
export type InstanceJson = Static<typeof InstanceSchema>;
