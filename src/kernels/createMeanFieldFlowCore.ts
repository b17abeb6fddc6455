import { DEFAULT_BACKEND, type KernelBackend, requireWasmHeap } from './kernelBackend.js';
import type { MeanFieldFlowCore, MeanFieldFlowData } from './MeanFieldFlowCore.js';
import { MeanFieldFlowJs } from './meanFieldFlowJs.js';
import { MeanFieldFlowWasm } from './meanFieldFlowWasm.js';

/** The mean-field flow core of `backend` (default: the one selected at load time). */
export function createMeanFieldFlowCore(data: MeanFieldFlowData, backend: KernelBackend = DEFAULT_BACKEND): MeanFieldFlowCore {
  return backend === 'wasm' ? new MeanFieldFlowWasm(requireWasmHeap(), data) : new MeanFieldFlowJs(data);
}
