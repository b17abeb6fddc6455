import { eq14 } from './defs/eq-14.js';
import { eq15 } from './defs/eq-15.js';
import { eq16Weights } from './defs/eq-16.weights.js';
import { eq19 } from './defs/eq-19.js';
import { eq25 } from './defs/eq-25.js';
import { eq26 } from './defs/eq-26.js';
import { eq27 } from './defs/eq-27.js';
import { flowEnergy } from './defs/flow.energy.js';
import { flowResidual } from './defs/flow.residual.js';
import { lemma33 } from './defs/lemma-3.3.js';
import { prop11 } from './defs/prop-1.1.js';
import { prop31 } from './defs/prop-3.1.js';
import { thm12 } from './defs/thm-1.2.js';
import { thm13 } from './defs/thm-1.3.js';
import { thm32 } from './defs/thm-3.2.js';
import type { AnyStatement } from './Statement.js';
import { lemma21 } from './defs/lemma-2.1.js';
import { cor22 } from './defs/cor-2.2.js';
import { ntkParam } from './defs/ntk-param.js';

/** Every statement of docs/theory.md, in the order of the text: the single list that tests, reports and the CLI iterate. */
export const registry: readonly AnyStatement[] = [
  flowResidual,
  flowEnergy,
  prop11,
  eq14,
  eq15,
  eq16Weights,
  prop31,
  eq19,
  lemma33,
  eq25,
  eq26,
  eq27,
  thm32,
  thm12,
  thm13,
  lemma21,
  cor22,
  ntkParam,
] as readonly AnyStatement[];

/** The statement with this id, or undefined. */
export function findStatement(id: string): AnyStatement | undefined {
  return registry.find((s) => s.id === id);
}
