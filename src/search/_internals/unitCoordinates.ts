import type { ParamBlock } from '../../../arbitraries/SearchSpace.js';

/** Map one coordinate of a block into [0, 1] (on log x for a log block; 0 for a degenerate box). */
export function toUnit(block: ParamBlock, x: number): number {
  const [lo, hi, v] = block.log ? [Math.log(block.min), Math.log(block.max), Math.log(x)] : [block.min, block.max, x];
  return hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
}

/** The inverse of {@link toUnit}, clamped into [min, max] (exp/log round trips may leave the box by an ulp). */
export function fromUnit(block: ParamBlock, u: number): number {
  const x = block.log ? Math.exp(Math.log(block.min) + u * (Math.log(block.max) - Math.log(block.min))) : block.min + u * (block.max - block.min);
  return Math.min(block.max, Math.max(block.min, x));
}

/** Reflect a coordinate into [0, 1] (a step past a face of the box comes back inside). */
export function reflect(u: number): number {
  let v = Math.abs(u) % 2;
  if (v > 1) v = 2 - v;
  return v;
}
