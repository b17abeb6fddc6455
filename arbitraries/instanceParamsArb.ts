import fc from 'fast-check';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import type { ParamBlock } from './SearchSpace.js';
import { INSTANCE_SCALES, modelEntryCount, type Direction, type FlowFamily, type InstanceChoice, type InstanceParams } from './instanceFromParams.js';
import { logUniform } from './logUniform.js';
import { uniform } from './uniform.js';

/** Constraints of `instanceArb` / {@link instanceParamsArb}; every range is [min, max], sampled log-uniformly. */
export interface InstanceConstraints {
  /** Families to draw from. Default all four. */
  readonly families?: readonly FlowFamily[];
  /** Largest output dimension n. Default 8. */
  readonly maxN?: number;
  /** Largest parameter dimension p. Default 32. */
  readonly maxP?: number;
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
  /** tau = T ||J0||^2 range (dimensionless horizon: the linear flow relaxes for tau >> 1). Default [1e-3, 1e2]. */
  readonly tau?: readonly [number, number];
}

/** The ranges of the log-uniform scales, defaults filled in. */
export type InstanceRanges = Readonly<Record<(typeof INSTANCE_SCALES)[number], readonly [number, number]>>;

const DEFAULT_RANGES: InstanceRanges = { alpha: [1e-2, 1e4], T: [1e-3, 1e4], R0: [1e-6, 1e4], kappa: [1e-3, 30], tau: [1e-3, 1e2] };

/** The scale ranges of `constraints`, defaults filled in. */
export function instanceRanges(constraints: InstanceConstraints): InstanceRanges {
  return { alpha: constraints.alpha ?? DEFAULT_RANGES.alpha, T: constraints.T ?? DEFAULT_RANGES.T, R0: constraints.R0 ?? DEFAULT_RANGES.R0, kappa: constraints.kappa ?? DEFAULT_RANGES.kappa, tau: constraints.tau ?? DEFAULT_RANGES.tau };
}

/**
 * `length` raw entries uniform in [-1, 1] (shrinking towards 0). Not fc.double({min: -1, max: 1}): that spreads its
 * samples over exponents, so most entries would be ~1e-100 and the models effectively sparse (see `uniform`).
 */
const unitBox = (length: number) => fc.array(uniform(-1, 1), { minLength: length, maxLength: length });

/**
 * Points of the flow-instance parameter space (see `InstanceParams`), drawn as `instanceArb` always drew them:
 * discrete choices and log-uniform scales, then the raw entries in [-1, 1] for the chosen sizes.
 */
export function instanceParamsArb(constraints: InstanceConstraints = {}): fc.Arbitrary<InstanceParams> {
  const families = constraints.families ?? ['quadratic', 'structured', 'scalar', 'converse'];
  if (families.length === 0) throw new NtkInputError('instanceArb.families', families, 'a non-empty list');
  const ranges = instanceRanges(constraints);
  const range = (name: keyof InstanceRanges) => logUniform(ranges[name][0], ranges[name][1]);
  return fc
    .record({
      family: fc.constantFrom(...families),
      direction: fc.constantFrom<Direction>('random', 'top', 'bottom'),
      aligned: fc.boolean(),
      n: fc.integer({ min: 1, max: constraints.maxN ?? 8 }),
      p: fc.integer({ min: 1, max: constraints.maxP ?? 32 }),
      alpha: range('alpha'),
      T: range('T'),
      R0: range('R0'),
      kappa: range('kappa'),
      tau: range('tau'),
    })
    .chain((d) => {
      const scalarLike = d.family === 'scalar' || d.family === 'converse';
      const [n, p] = scalarLike ? [1, 1] : [d.n, d.p];
      return fc.tuple(fc.constant({ ...d, n, p }), unitBox(modelEntryCount(n, p)), unitBox(n));
    })
    .map(([d, raw, dirRaw]): InstanceParams => ({
      discrete: { family: d.family, direction: d.direction, aligned: d.aligned, n: d.n, p: d.p },
      x: [...INSTANCE_SCALES.map((name) => d[name]), ...raw, ...dirRaw],
    }));
}

/** Raw entries the decoder reads, per family (the rest of the raw block is inert). */
function usedEntries(c: InstanceChoice): { readonly model: number; readonly shape: number } {
  const { n, p } = c;
  if (c.family === 'converse') return { model: 0, shape: 0 };
  if (c.family === 'scalar') return { model: 3, shape: 0 };
  // G first; h0 and w0 only shift the quadratic (the flow lives in w - w0, and h0 cancels from r): inert.
  const shape = c.family === 'structured' ? n + (c.aligned ? 0 : p) : (n * p * (p + 1)) / 2;
  return { model: n * p, shape };
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
  const entries = (name: string, group: string, length: number, frozen: boolean): ParamBlock => ({ name, group, length, min: -1, max: 1, log: false, frozen });
  const used = usedEntries(c);
  const quadraticLike = c.family === 'quadratic' || c.family === 'structured';
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
