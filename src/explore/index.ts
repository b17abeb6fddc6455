/** The paper's open questions (Sec. 4) as experiments: finite step size, cross-entropy, the edge of laziness. */
export { QUESTIONS, openQuestionsSection } from './openQuestions.js';
export { OPEN_CONJECTURES, collectOpenErrata } from './openConjectures.js';
export { runConjecture, type ConjectureFinding } from './runConjecture.js';
export type { QuestionResult, FindingTable } from './QuestionResult.js';
export type { ExploreOptions } from './ExploreOptions.js';
export { gradientDescent, type DescentPair } from './gd/gradientDescent.js';
export { preciseDescent, type PreciseDescent } from './gd/preciseDescent.js';
export { logisticFlow, type LogisticRun } from './logistic/logisticFlow.js';
export { fitPowerLaw, type PowerLawFit } from './fitPowerLaw.js';
