/** Certification helpers, targeted search for the worst tightness ratio, and the worst-case replay database. */
export type { ParamBlock, SearchPoint, SearchSpace } from '../../arbitraries/SearchSpace.js';
export { parametricArbitrary, searchSpaceOf } from '../../arbitraries/searchSpaceOf.js';
export { SearchBudget, type BudgetLimits } from './SearchBudget.js';
export { evaluateCase, type CaseEvaluation, type RejectReason } from './evaluateCase.js';
export { hillClimber, type HillClimber } from './hillClimber.js';
export { pointStream, spaceOf } from './pointStream.js';
export { searchWorst, type SearchOptions, type SearchResult } from './searchWorst.js';
export type { WorstFound } from './WorstFound.js';
export { randomWorst, type RandomResult } from './randomWorst.js';
export { certifyCase, type Certification } from './certifyCase.js';
export { searchReport, isFinding, type SearchReport, type SearchReportOptions } from './searchReport.js';
export { refreshWorstCases, worstCaseEntry, type RefreshOptions } from './refreshWorstCases.js';
export { loadWorstCases, worstCasesPath, type WorstCaseDb, type WorstCaseEntry } from '../io/worstCaseDb.js';
export { replayCases } from '../check/replayCases.js';
export { preciseReferenceRun } from '../statements/preciseReferenceRun.js';
export { exactDecimal } from '../precise/exactDecimal.js';
export { createRng, deriveSeed, type Rng } from '../random/rng.js';
