import type { Counterexample } from './checkReading.js';

/**
 * The command that replays a counterexample exactly, in one run: `npx ntk-check check ID --reading R --seed S
 * --path P`. A database case with no known seed and path (`example` set) replays with the check that met it
 * (the same seed, the databases first) instead.
 */
export function replayCommand(id: string, reading: string, cx: Pick<Counterexample, 'seed' | 'path' | 'example'>): string {
  const check = `npx ntk-check check ${id} --reading ${reading} --seed ${cx.seed}`;
  return cx.example === undefined ? `${check} --path ${cx.path}` : check;
}
