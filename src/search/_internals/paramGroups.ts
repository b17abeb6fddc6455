import type { ParamBlock } from '../../../arbitraries/SearchSpace.js';

/** The free coordinates of one group of blocks: indices into a point's x, and the block of each. */
export interface ParamGroup {
  readonly name: string;
  readonly indices: readonly number[];
  readonly blocks: readonly ParamBlock[];
}

/**
 * The groups of a layout (`ParamBlock.group`), in order of first appearance, with their free coordinates only:
 * frozen blocks and degenerate boxes (min = max) are left out, and so is a group left with nothing to move.
 */
export function paramGroups(blocks: readonly ParamBlock[]): ParamGroup[] {
  const groups = new Map<string, { name: string; indices: number[]; blocks: ParamBlock[] }>();
  let offset = 0;
  for (const block of blocks) {
    if (!block.frozen && block.max > block.min) {
      const g = groups.get(block.group) ?? { name: block.group, indices: [], blocks: [] };
      for (let i = 0; i < block.length; i++) {
        g.indices.push(offset + i);
        g.blocks.push(block);
      }
      groups.set(block.group, g);
    }
    offset += block.length;
  }
  return [...groups.values()];
}
