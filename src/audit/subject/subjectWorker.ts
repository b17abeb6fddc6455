/**
 * The worker thread of a JavaScript subject (see `WorkerRunner`): loads the module, builds each problem's vector
 * field from its spec (so f runs here, without a cross-thread call per evaluation) and answers solve calls.
 */
import { parentPort } from 'node:worker_threads';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { isAdaptive, type AuditedModule } from '../AuditedModule.js';
import type { AuditProblem } from '../AuditProblem.js';
import { buildProblem } from '../buildProblem.js';
import { loadIntegrator } from '../loadIntegrator.js';
import { callSolve } from './callSolve.js';
import type { FromWorker, ToWorker } from './workerMessages.js';

const port = parentPort;
if (port === null) throw new Error('subjectWorker must run in a worker thread');
const post = (message: FromWorker) => port.postMessage(message);
let module: AuditedModule | undefined;
const problems = new Map<number, AuditProblem>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'load') {
    loadIntegrator(message.path).then(
      (m) => {
        module = m;
        post({ type: 'loaded', meta: { name: m.name, order: m.order, adaptive: isAdaptive(m) } });
      },
      (error: unknown) => {
        if (!(error instanceof NtkInputError)) throw error;
        post({ type: 'unusable', requirement: error.requirement });
      },
    );
    return;
  }
  if (message.spec !== undefined) problems.set(message.problemId, buildProblem(message.spec));
  const problem = problems.get(message.problemId);
  if (module === undefined || problem === undefined) throw new Error('subjectWorker: solve before load, or an unknown problem');
  post({ type: 'reply', id: message.id, reply: callSolve(module, problem, message.call) });
});
