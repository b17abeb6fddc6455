import { describeCall, type SolveCall, type SolveReply } from './SolveCall.js';

const isVectorLike = (value: unknown): value is ArrayLike<unknown> => Array.isArray(value) || value instanceof Float64Array;

/** A short description of what a solve returned, for contract messages. */
export function describeVector(value: unknown): string {
  if (Array.isArray(value)) {
    const other = value.find((x) => typeof x !== 'number');
    return other === undefined || value.length === 0 ? `an array of length ${value.length}` : `an array holding a ${other === null ? 'null' : typeof other}`;
  }
  if (value instanceof Float64Array) return `a Float64Array of length ${value.length}`;
  return value === null ? 'null' : typeof value;
}

const OPTIONAL_COUNTS = ['evaluations', 'acceptedSteps', 'rejectedSteps'] as const;

/**
 * Check what `solve` returned against the contract (an unusable reply's requirement reads `whose solve ...`) and normalize it: y(t1) as an array (or Float64Array) of
 * `call.y0.length` numbers; for an adaptive solve also `{ y, evaluations?, errorEstimate?, acceptedSteps?,
 * rejectedSteps? }` with non-negative integer counts, a non-negative estimate, and `evaluations` equal to the
 * `evaluations` counted. `nonFinite` (the subprocess protocol) marks entries that stand for NaN or +-Infinity.
 */
export function readSolveResult(out: unknown, call: SolveCall, evaluations: number, nonFinite: (x: unknown) => boolean = () => false): SolveReply {
  const n = call.y0.length;
  const at = describeCall(call);
  const adaptive = !('steps' in call.control);
  const shape = `returns y(t1) as an array of ${n} number${n === 1 ? '' : 's'}${adaptive ? ' (or { y, evaluations?, errorEstimate?, acceptedSteps?, rejectedSteps? })' : ''}`;
  const record = adaptive && typeof out === 'object' && out !== null && !isVectorLike(out) ? (out as Record<string, unknown>) : undefined;
  const y = record === undefined ? out : record.y;
  const entryOk = (x: unknown) => typeof x === 'number' || nonFinite(x);
  if (!isVectorLike(y) || y.length !== n || !Array.prototype.every.call(y, entryOk))
    return { status: 'unusable', requirement: `whose solve ${shape} (${at} returned ${describeVector(y)})` };
  const values = Array.from(y, (x) => (typeof x === 'number' ? x : NaN));
  if (record === undefined) return { status: 'solved', y: values, evaluations };
  for (const key of OPTIONAL_COUNTS) {
    const v = record[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
      return { status: 'unusable', requirement: `whose solve returns ${key} as a non-negative integer (${at} returned ${JSON.stringify(v) ?? typeof v})` };
  }
  if (record.evaluations !== undefined && record.evaluations !== evaluations) {
    return {
      status: 'unusable',
      requirement: `whose solve reports the number of f evaluations it made (${at} reported ${String(record.evaluations)}, f was called ${evaluations} times)`,
    };
  }
  const estimate = record.errorEstimate;
  if (estimate !== undefined && !(typeof estimate === 'number' && estimate >= 0)) {
    return {
      status: 'unusable',
      requirement: `whose solve returns errorEstimate as a number >= 0 (${at} returned ${JSON.stringify(estimate) ?? typeof estimate})`,
    };
  }
  return {
    status: 'solved',
    y: values,
    evaluations,
    ...(estimate === undefined ? {} : { errorEstimate: estimate }),
    ...(record.acceptedSteps === undefined ? {} : { acceptedSteps: record.acceptedSteps as number }),
    ...(record.rejectedSteps === undefined ? {} : { rejectedSteps: record.rejectedSteps as number }),
  };
}
