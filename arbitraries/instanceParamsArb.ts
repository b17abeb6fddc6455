import fc from 'fast-check';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import type { ParamBlock } from './SearchSpace.js';
import { horizonArb, horizonRange, type GeneratorSize } from './horizons.js';
import {
  INSTANCE_SCALES,
  modelEntryCount,
  QUADRATIC_FAMILIES,
  type Direction,
  type FlowFamily,
  type InstanceChoice,
  type InstanceParams,
} from './instanceFromParams.js';
import { logUniform } from './logUniform.js';
import { uniform } from './uniform.js';

/** Constraints of `instanceArb` / {@link instanceParamsArb}; every range is [min, max], sampled log-uniformly. */
export interface InstanceConstraints extends GeneratorSize {
  /** Families to draw from. Default all five. */
  readonly families?: readonly FlowFamily[];
  /** Largest output dimension n. Default 8. */
  readonly maxN?: number;
  /** Largest parameter dimension p. Default 32. */
  readonly maxP?: number;
  /** Draw the shape (n, p) with n > p as often as n <= p (each side uniform over its pairs). Default false. */
  readonly balancedShapes?: boolean;
  /** alpha range. Default [1e-2, 1e4]. */
  readonly alpha?: readonly [number, number];
  /** T range. Default [1e-3, 1e4]. */
  readonly T?: readonly [number, number];
  /** R0 range. Default [1e-6, 1e4]. */
  readonly R0?: readonly [number, number];
  /**
   * kappa = T Lip(Dh) sqrt(R0) / alpha range; Lip(Dh) is set from it. Default [1e-3, 30]: both regimes, and a
   * bounded solve cost (the kernel can grow like kappa^2 along the flow).
   */
  readonly kappa?: readonly [number, number];
  /**
   * tau = T ||J0||^2 = T lambda_max(K0) range (dimensionless horizon: the linear flow relaxes for tau >> 1), drawn
   * log-uniformly. Default: the horizon mixture (`horizonArb`): 2/3 of the draws in [1e-3, 1e2] (explicit path), 1/3
   * in [1e2, maxTau] (exponential path). A given range is the range: no long horizons are mixed in.
   */
  readonly tau?: readonly [number, number];
  /**
   * The kappa and tau boxes of the targeted search's starts (`instanceExploreArb`), where a statement's worst cases
   * lie beyond the generator's (e.g. Prop 3.1's at strong nonlinearity). Default: the generator's.
   */
  readonly search?: { readonly kappa?: readonly [number, number]; readonly tau?: readonly [number, number] };
}

/** The ranges of the log-uniform scales, defaults filled in. */
export type InstanceRanges = Readonly<Record<(typeof INSTANCE_SCALES)[number], readonly [number, number]>>;

const DEFAULT_RANGES: Omit<InstanceRanges, 'tau'> = { alpha: [1e-2, 1e4], T: [1e-3, 1e4], R0: [1e-6, 1e4], kappa: [1e-3, 30] };

/** The scale ranges of `constraints`, defaults filled in (the default tau range spans the whole horizon mixture). */
export function instanceRanges(constraints: InstanceConstraints): InstanceRanges {
  const { alpha, T, R0, kappa } = DEFAULT_RANGES;
  const tau = constraints.tau ?? horizonRange('instanceArb.maxTau', constraints);
  return { alpha: constraints.alpha ?? alpha, T: constraints.T ?? T, R0: constraints.R0 ?? R0, kappa: constraints.kappa ?? kappa, tau };
}

/**
 * `length` raw entries uniform in [-1, 1] (shrinking towards 0). Not fc.double({min: -1, max: 1}): that spreads its
 * samples over exponents, so most entries would be ~1e-100 and the models effectively sparse (see `uniform`).
 */
const unitBox = (length: number) => fc.array(uniform(-1, 1), { minLength: length, maxLength: length });

/**
 * A shape (n, p) with n > p half the time and n <= p the other half (a side that has none is left out); within a
 * side, a pair has weight 1 / (n p), so the smallest shapes of each side (n = 2, p = 1 and n = p = 1) come first:
 * they have the fewest coordinates, and the worst cases found so far live there (Prop 3.1's at n = 2, p = 1).
 */
function balancedShapeArb(maxN: number, maxP: number): fc.Arbitrary<readonly [number, number]> {
  const pairs = Array.from({ length: maxN * maxP }, (_, k) => [Math.floor(k / maxP) + 1, (k % maxP) + 1] as const);
  const sides = [pairs.filter(([n, p]) => n > p), pairs.filter(([n, p]) => n <= p)].filter((shapes) => shapes.length > 0);
  const side = (shapes: readonly (readonly [number, number])[]) =>
    fc.oneof(...shapes.map((shape) => ({ arbitrary: fc.constant(shape), weight: Math.round(SHAPE_WEIGHT / (shape[0] * shape[1])) })));
  return fc.oneof(...sides.map(side));
}

/** Scale of the integer weights 1 / (n p) of `balancedShapeArb` (fast-check weights are integers). */
const SHAPE_WEIGHT = 720;

/**
 * Points of the flow-instance parameter space (see `InstanceParams`), drawn as `instanceArb` always drew them:
 * discrete choices and log-uniform scales, then the raw entries in [-1, 1] for the chosen sizes.
 */
export function instanceParamsArb(constraints: InstanceConstraints = {}): fc.Arbitrary<InstanceParams> {
  const families = constraints.families ?? ['quadratic', 'structured', 'commuting', 'scalar', 'converse'];
  if (families.length === 0) throw new NtkInputError('instanceArb.families', families, 'a non-empty list');
  const ranges = instanceRanges(constraints);
  const range = (name: keyof InstanceRanges) => logUniform(ranges[name][0], ranges[name][1]);
  const scalesAndChoices = {
    family: fc.constantFrom(...families),
    direction: fc.constantFrom<Direction>('random', 'top', 'bottom'),
    aligned: fc.boolean(),
    n: fc.integer({ min: 1, max: constraints.maxN ?? 8 }),
    p: fc.integer({ min: 1, max: constraints.maxP ?? 32 }),
    alpha: range('alpha'),
    T: range('T'),
    R0: range('R0'),
    kappa: range('kappa'),
    tau: constraints.tau === undefined ? horizonArb('instanceArb.maxTau', constraints) : range('tau'),
  };
  // The unbalanced record is the one instanceArb always drew (same stream for a seed); the balanced one replaces n, p.
  const choices = constraints.balancedShapes
    ? fc
        .record({ ...scalesAndChoices, shape: balancedShapeArb(constraints.maxN ?? 8, constraints.maxP ?? 32) })
        .map(({ shape, ...d }) => ({ ...d, n: shape[0], p: shape[1] }))
    : fc.record(scalesAndChoices);
  return choices
    .chain((d) => {
      const scalarLike = d.family === 'scalar' || d.family === 'converse';
      const [n, p] = scalarLike ? [1, 1] : [d.n, d.p];
      return fc.tuple(fc.constant({ ...d, n, p }), unitBox(modelEntryCount(n, p)), unitBox(n));
    })
    .map(
      ([d, raw, dirRaw]): InstanceParams => ({
        discrete: { family: d.family, direction: d.direction, aligned: d.aligned, n: d.n, p: d.p },
        x: [...INSTANCE_SCALES.map((name) => d[name]), ...raw, ...dirRaw],
      }),
    );
}

/** Largest n and p of the search's starts: few coordinates, and n > p as often as n <= p. */
const EXPLORE_MAX_SIZE = 4;

/** The scale box of a point: the search's (`constraints.search`) for points of {@link instanceExploreArb}. */
export function pointRanges(c: InstanceChoice, constraints: InstanceConstraints): InstanceRanges {
  return instanceRanges(c.box === 'explore' ? exploreConstraints(constraints) : constraints);
}

/**
 * The search's default families: all but 'commuting', whose point is an exact certified Lip(Dh) on dense slices at large
 * n and p; at the search's shapes (n, p <= 4) the general family's certificate is already close (docs/lip-dh.md), and a
 * fifth niche would only thin the budget per niche (150 evaluations of thm-1.2 reached 0.451 instead of 0.4999 at seed 1).
 */
const SEARCH_FAMILIES: readonly FlowFamily[] = ['quadratic', 'structured', 'scalar', 'converse'];

function exploreConstraints(constraints: InstanceConstraints): InstanceConstraints {
  const small = (max: number | undefined) => Math.min(EXPLORE_MAX_SIZE, max ?? EXPLORE_MAX_SIZE);
  return {
    ...constraints,
    families: constraints.families ?? SEARCH_FAMILIES,
    maxN: small(constraints.maxN),
    maxP: small(constraints.maxP),
    balancedShapes: true,
    ...(constraints.search?.kappa && { kappa: constraints.search.kappa }),
    ...(constraints.search?.tau && { tau: constraints.search.tau }),
  };
}

/**
 * The points the targeted search starts from: shapes n, p <= 4 with n > p as often as n <= p, kappa and tau over
 * the search box (`constraints.search`, default the generator's), and the inert shifts h0, w0 of the quadratic families at zero (they only shift the model:
 * at zero, y* = r(0) carries no cancellation). Same layout as {@link instanceParamsArb}; `box: 'explore'`.
 */
export function instanceExploreArb(constraints: InstanceConstraints = {}): fc.Arbitrary<InstanceParams> {
  return instanceParamsArb(exploreConstraints(constraints)).map(({ discrete, x }) => {
    const { family, n, p } = discrete;
    const shifts = QUADRATIC_FAMILIES.includes(family) ? INSTANCE_SCALES.length + n * p : -1;
    return { discrete: { ...discrete, box: 'explore' }, x: x.map((v, i) => (shifts >= 0 && i >= shifts && i < shifts + n + p ? 0 : v)) };
  });
}

/** Raw entries of a quadratic family's Q: lambda and v (structured), the spectra and the eigenbasis (commuting), or Q's upper triangles. */
function shapeEntries(c: InstanceChoice): number {
  const { n, p } = c;
  if (c.family === 'structured') return n + (c.aligned ? 0 : p);
  if (c.family === 'commuting') return n * p + (p * (p + 1)) / 2;
  return (n * p * (p + 1)) / 2;
}

/** Raw entries the decoder reads, per family (the rest of the raw block is inert). */
function usedEntries(c: InstanceChoice): { readonly model: number; readonly shape: number } {
  const { n, p } = c;
  if (c.family === 'converse') return { model: 0, shape: 0 };
  if (c.family === 'scalar') return { model: 3, shape: 0 };
  // G first; h0 and w0 only shift the quadratic (the flow lives in w - w0, and h0 cancels from r): inert.
  return { model: n * p, shape: shapeEntries(c) };
}

/**
 * The layout of `InstanceParams.x` for a choice, in the boxes of `ranges`: the five log scales (groups 'units':
 * alpha, T, R0, and 'dimensionless': kappa, tau),
 * the raw model entries ('model': G, or a, b, w0; 'shape': Q or lambda, v; unused ones frozen) and the raw
 * direction of r(0) ('direction', frozen unless direction = 'random').
 */
export function instanceParamBlocks(c: InstanceChoice, ranges: InstanceRanges): ParamBlock[] {
  // kappa and tau are what dimensionally consistent readings depend on; alpha, T, R0 only set the units.
  const group = (name: string) => (name === 'kappa' || name === 'tau' ? 'dimensionless' : 'units');
  const scales = INSTANCE_SCALES.map((name): ParamBlock => ({ name, group: group(name), length: 1, min: ranges[name][0], max: ranges[name][1], log: true }));
  const entries = (name: string, groupName: string, length: number, frozen: boolean): ParamBlock => ({
    name,
    group: groupName,
    length,
    min: -1,
    max: 1,
    log: false,
    frozen,
  });
  const used = usedEntries(c);
  const quadraticLike = QUADRATIC_FAMILIES.includes(c.family);
  const inertShift = quadraticLike ? c.n + c.p : 0;
  const rest = modelEntryCount(c.n, c.p) - used.model - inertShift - used.shape;
  const randomDirection = c.direction === 'random' && c.family !== 'converse';
  return [
    ...scales,
    entries('model', 'model', used.model, false),
    entries('h0, w0', 'model', inertShift, true),
    entries('shape', 'shape', used.shape, false),
    entries('unused', 'model', rest, true),
    entries('direction', 'direction', c.n, !randomDirection),
  ].filter((b) => b.length > 0);
}
