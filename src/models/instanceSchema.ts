/**
 * The JSON instance format as a JSON Schema, written with TypeBox: each schema below *is* JSON Schema (shipped as
 * schema/instance.schema.json, so editors complete and check instance files), and `Static<>` of it is the
 * TypeScript type of the format (InstanceJson.ts). All matrices are nested arrays, row by row. `d = w - w0`.
 * The schema checks structure and key names; `parseInstance` adds what JSON Schema cannot say (finite numbers,
 * shapes that agree, Q[k] symmetric) with messages that name the JSON path.
 */
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

const vector = (description: string) => Type.Array(Type.Number(), { description });
const matrix = (description: string) => Type.Array(Type.Array(Type.Number()), { description });

/** A model family's object: `kind` plus its fields, and no other key. */
function family<K extends string, P extends TProperties>(kind: K, description: string, properties: P) {
  return Type.Object({ kind: Type.Literal(kind), ...properties }, { additionalProperties: false, description });
}

/** Names of the activations of the mean-field net (the `activation` field). */
export const ActivationNameSchema = Type.Union([Type.Literal('sigmoid'), Type.Literal('tanh')], { description: 'the activation sigma' });

/** h(w) = h0 + G d + Q[d, d] / 2; h0: [n], G: [n][p], Q: [n][p][p] with each Q[k] symmetric. */
export const QuadraticSpecSchema = family('quadratic', 'h(w) = h0 + G d + Q[d, d] / 2 with d = w - w0', {
  h0: vector('h(w0): [n]'),
  G: matrix('Dh(w0): [n][p]'),
  Q: Type.Array(Type.Array(Type.Array(Type.Number())), { description: 'D^2 h: [n][p][p], each Q[k] symmetric' }),
});

/** h(w) = a w + b w^2 / 2 (p = n = 1), in absolute w (not w - w0). */
export const ScalarSpecSchema = family('scalar', 'h(w) = a w + b w^2 / 2 (p = n = 1), in absolute w', {
  a: Type.Number(),
  b: Type.Number(),
});

/**
 * Mean-field 2-layer net, eq. (8): x: [n][d] inputs, a: [m] output weights, U: [m][d] input weights
 * (row i = u_i). The reference point is w0 = (a, U), so the instance carries no separate `w0`.
 */
export const MeanFieldSpecSchema = family('meanField', 'mean-field 2-layer net, eq. (8); w0 = (a, U), so the instance has no w0', {
  activation: ActivationNameSchema,
  x: matrix('inputs: [n][d]'),
  a: vector('output weights: [m]'),
  U: matrix('input weights: [m][d], row i = u_i'),
});

/** The instance around a model schema: every key but `model` is shared by the families. */
function instanceAround<M extends TSchema>(model: M) {
  return Type.Object(
    {
      $schema: Type.Optional(Type.String({ description: 'the JSON Schema of this file, for editors (ignored by ntk-check)' })),
      model,
      w0: Type.Optional(vector('the reference point w0: [p]; required for quadratic and scalar ([1]), absent for meanField')),
      yStar: vector('the target y*: [n]'),
      alpha: Type.Number({ exclusiveMinimum: 0, description: 'the scale alpha > 0' }),
      T: Type.Number({ minimum: 0, description: 'the horizon T >= 0' }),
    },
    { additionalProperties: false },
  );
}

/** The whole instance: `model` is one object per family, told apart by `kind`. */
export const InstanceSchema = instanceAround(Type.Union([QuadraticSpecSchema, ScalarSpecSchema, MeanFieldSpecSchema]));

/** The instance schema for one known `model.kind` (its errors name one family's keys, not a union's). */
export const INSTANCE_SCHEMAS = {
  quadratic: instanceAround(QuadraticSpecSchema),
  scalar: instanceAround(ScalarSpecSchema),
  meanField: instanceAround(MeanFieldSpecSchema),
} as const;
