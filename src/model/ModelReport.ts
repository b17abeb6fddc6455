import type { CheckStats, Counterexample } from '../check/checkReading.js';
import type { JacobianCheck, JacobianMismatch } from './checkJacobian.js';
import type { LazyHorizon } from './lazyHorizon.js';
import type { NonFinitePoint } from './NonFinitePoint.js';
import type { NtkSpectrum } from './ntkSpectrum.js';
import type { PairWitness, PointWitness } from './searchLipschitz.js';

/** A defect of the model itself, found before any theorem runs. */
export type ModelFinding =
  | { readonly kind: 'jacobian'; readonly message: string; readonly mismatch: JacobianMismatch }
  | { readonly kind: 'non-finite'; readonly message: string; readonly point: NonFinitePoint }
  | {
      readonly kind: 'lipDh';
      readonly message: string;
      readonly rho: number;
      readonly declared: number;
      readonly found: number;
      readonly ratio: number;
      readonly witness: PairWitness;
    }
  | {
      readonly kind: 'lipH';
      readonly message: string;
      readonly rho: number;
      readonly declared: number;
      readonly found: number;
      readonly ratio: number;
      readonly witness: PointWitness;
    };

/** A constant on one ball of the radius ladder: what the bounds use, and the sampled lower bound found by search. */
export interface ConstantOnBall {
  readonly rho: number;
  /** The value fed to the bounds: the declared constant, or the search's estimate. */
  readonly value: number;
  readonly found: number;
  /** found / value (> 1 beyond rounding: the declared constant is too small). */
  readonly ratio: number;
}

/** One constant of the theory on the user's model. */
export interface ConstantReport {
  /** Declared by the module (checked against the search), or estimated by the search (not certified). */
  readonly source: 'declared' | 'estimated';
  readonly balls: readonly ConstantOnBall[];
}

/** The verdict of one reading on the user's model. */
export type ModelVerdict =
  /** No certified violation over the generated cases. */
  | 'holds'
  /** A certified, shrunk counterexample under declared (checked) constants. */
  | 'refuted'
  /** A certified violation under estimated constants: evidence (the estimate may be too low), never a refutation. */
  | 'evidence'
  /** No counterexample, but cases no method could settle remain: never a pass. */
  | 'undecided';

/** One statement (reading) run on the user's model. */
export interface StatementOutcome {
  readonly id: string;
  readonly reading: string;
  readonly formula: string;
  readonly verdict: ModelVerdict;
  readonly worstRatio: number;
  readonly runs: number;
  readonly discarded: number;
  readonly unsolved: number;
  /** Cases no method could settle (neither a pass nor a certified violation). */
  readonly undecided: number;
  readonly uncertain: number;
  readonly coverage: CheckStats['coverage'];
  readonly counterexample?: Counterexample;
  /** The command (or call) that replays this statement's check with the same seed. */
  readonly replay: string;
}

/** The empirical NTK at w0 for the practitioner's alpha and targets. */
export interface NtkReport extends NtkSpectrum {
  readonly alpha: number;
  readonly R0: number;
}

/** What `ntk-check model MODULE --json` prints and `checkModel` returns. */
export interface ModelReport {
  readonly name: string;
  readonly p: number;
  readonly n: number;
  readonly seed: number;
  /** Radius of the checked ball B(w0, rho): every case stays inside it. */
  readonly rho: number;
  /** 'certified' when both constants are declared (and survived the search), else 'estimated, not certified'. */
  readonly label: 'certified' | 'estimated, not certified';
  readonly constants: { readonly lipDh: ConstantReport; readonly lipH: ConstantReport };
  readonly jacobian: JacobianCheck;
  readonly findings: readonly ModelFinding[];
  readonly statements: readonly StatementOutcome[];
  readonly ntk?: NtkReport;
  readonly horizon?: LazyHorizon;
  /** 'pass': no finding and no violation; 'finding': the model is defective (no theorem ran); else a statement failed. */
  readonly verdict: 'pass' | 'finding' | 'refuted' | 'evidence' | 'undecided';
}
