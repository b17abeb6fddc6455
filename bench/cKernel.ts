import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance } from '../src/flow/Instance.js';
import { MeanFieldModel } from '../src/models/meanField.js';
import { QuadraticModel } from '../src/models/quadratic.js';

/** One native measurement: CPU microseconds per right-hand side and f(d) (to check that C computes the same field). */
export interface NativeRhs {
  readonly flags: string;
  readonly microseconds: number;
  readonly out: Float64Array;
}

/** The gcc flag sets measured: the figures are plain -O3; the others show what the CPU's own vector units and reassociation add. */
export const NATIVE_FLAGS = ['-O3', '-O3 -march=native', '-O3 -march=native -ffast-math'] as const;

/** Outcome of {@link nativeRhs}: one build per NATIVE_FLAGS entry, or why there are none. */
export type NativeOutcome = { readonly ran: true; readonly builds: readonly NativeRhs[] } | { readonly ran: false; readonly reason: string };

/** The instance and displacement d as bench/c/flowKernel.c reads them (float64s; layout in that file's header). */
function encode(instance: Instance, d: Float64Array): Float64Array {
  const { model, alpha, yStar } = instance;
  if (model instanceof QuadraticModel) {
    const r0 = Float64Array.from(yStar, (y, k) => y - alpha * (model.h0[k] as number));
    return Float64Array.from([0, model.n, model.p, alpha, ...model.G, ...model.Q, ...r0, ...d]);
  }
  if (model instanceof MeanFieldModel) {
    return Float64Array.from([1, model.m, model.n, model.d, model.activation.name === 'sigmoid' ? 0 : 1, alpha, ...model.x, ...model.w0, ...yStar, ...d]);
  }
  throw new Error(`no native kernel for model kind ${model.kind}`);
}

/**
 * Compile bench/c/flowKernel.c with gcc (each of NATIVE_FLAGS) into `scratch` and time one right-hand side of
 * `instance` at `d`, in this run (the same machine state as the other rows). Skips, with the reason, without gcc.
 */
export function nativeRhs(root: string, scratch: string, name: string, instance: Instance, d: Float64Array): NativeOutcome {
  mkdirSync(scratch, { recursive: true });
  const input = join(scratch, `${name}.bin`);
  writeFileSync(input, encode(instance, d));
  const builds: NativeRhs[] = [];
  for (const flags of NATIVE_FLAGS) {
    const binary = join(scratch, `flowKernel${flags.replace(/[ -]+/g, '_')}`);
    const cc = spawnSync('gcc', [...flags.split(' '), '-o', binary, join(root, 'bench', 'c', 'flowKernel.c'), '-lm'], { encoding: 'utf8' });
    if (cc.error !== undefined) return { ran: false, reason: `gcc not runnable (${cc.error.message})` };
    if (cc.status !== 0) return { ran: false, reason: `gcc failed: ${cc.stderr.trim().split('\n').slice(-2).join(' | ')}` };
    const run = spawnSync(binary, [input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) return { ran: false, reason: `flowKernel failed: ${run.stderr.trim()}` };
    const parsed = JSON.parse(run.stdout) as { microseconds: number; out: number[] };
    builds.push({ flags, microseconds: parsed.microseconds, out: Float64Array.from(parsed.out) });
  }
  return { ran: true, builds };
}
