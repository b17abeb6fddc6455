import { compact } from '../format/numbers.js';

/** One line describing a case by the statement's `describe` output: family, sizes, alpha, T and GD steps. */
export function caseLine(description: unknown): string {
  const d = (description ?? {}) as {
    family?: string;
    steps?: number | number[];
    etaLambda?: number;
    instance?: { model?: { kind?: string; G?: unknown[]; h0?: unknown[] }; w0?: unknown[]; alpha?: number; T?: number };
  };
  const inst = d.instance ?? {};
  const n = inst.model?.h0?.length ?? 1;
  const p = inst.w0?.length ?? 1;
  const steps = Array.isArray(d.steps) ? `K = ${d.steps.join('/')}` : d.steps === undefined ? '' : `K = ${d.steps}, eta lambda_max = ${compact(d.etaLambda)}`;
  return [`${d.family ?? inst.model?.kind ?? '?'} n=${n} p=${p}`, `alpha = ${compact(inst.alpha)}`, `T = ${compact(inst.T)}`, steps]
    .filter((s) => s !== '')
    .join(', ');
}
