import { Type, type TSchema } from '@sinclair/typebox';

/** statement id -> reading name -> entry: the layout of both shipped case databases. */
function byStatementAndReading<T extends TSchema>(entry: T) {
  return Type.Record(Type.String(), Type.Record(Type.String(), entry));
}

/** The seed a case was generated or searched with: a fast-check seed (32-bit integer). */
const Seed = Type.Integer();

/**
 * One entry of properties/worst-cases.json (`ntk-check search`). Extra keys are allowed, so a newer writer's
 * fields do not break an older reader.
 */
export const WorstCaseEntrySchema = Type.Object({
  /** The case, as the statement's `describe` writes it (its `revive` reads and checks it). */
  case: Type.Unknown(),
  /** Tightness at the tight measurement: lhs/rhs, or rhs/lhs for a lower bound. */
  ratio: Type.Number({ minimum: 0 }),
  verdict: Type.Union([Type.Literal('pass'), Type.Literal('violation')]),
  /** The re-check agreed: verdict beyond its uncertainty, and the ratio within 1e-6 across methods. */
  certified: Type.Boolean(),
  /** Methods of the re-check, e.g. ['rtol/100'] or ['rtol/100', 'decimal']. */
  methods: Type.Array(Type.String()),
  /** The search that found it: seed, measure() calls, and the worst ratio of random sampling at that budget. */
  seed: Seed,
  evaluations: Type.Integer({ minimum: 0 }),
  randomWorstRatio: Type.Optional(Type.Number({ minimum: 0 })),
});

/** properties/worst-cases.json: statement id -> reading name -> its stored worst case. */
export const WorstCaseDbSchema = byStatementAndReading(WorstCaseEntrySchema);

/** A measured bound (`Bound` of src/statements): lhs, rhs, the active branch, the operands' magnitude. */
const BoundSchema = Type.Object({
  lhs: Type.Number(),
  rhs: Type.Number(),
  branch: Type.Optional(Type.String()),
  scale: Type.Optional(Type.Number()),
});

/** How a violation was certified (`Decision` of src/check): the deciding method, its digits and error bound. */
const DecisionSchema = Type.Object({
  method: Type.String(),
  digits: Type.Optional(Type.Integer({ minimum: 1 })),
  errorBound: Type.Optional(Type.Number({ minimum: 0 })),
  margin: Type.Number(),
  uncertainty: Type.Number({ minimum: 0 }),
  noise: Type.Number({ minimum: 0 }),
  compared: Type.Array(Type.String()),
});

/**
 * One entry of properties/errata.json (`ntk-check errata`): a certified, shrunk counterexample (`Counterexample`
 * of src/check), replayable from seed and path. Extra keys are allowed.
 */
export const CounterexampleSchema = Type.Object({
  case: Type.Unknown(),
  bound: BoundSchema,
  ratio: Type.Number(),
  /** Violation at the tight measurement, and the error it beats. */
  margin: Type.Number(),
  uncertainty: Type.Number({ minimum: 0 }),
  /** The method that certified it (the decimal reference wherever the case has one). */
  certifiedBy: DecisionSchema,
  seed: Seed,
  path: Type.String(),
  example: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** properties/errata.json: statement id -> reading name -> its certified counterexample. */
export const ErrataDbSchema = byStatementAndReading(CounterexampleSchema);
