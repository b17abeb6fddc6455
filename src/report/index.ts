/** The report job (`ntk-check report`): check every statement, tables and plots, written atomically. */
export { generateReport, type ReportOptions, type ReportRun } from './generateReport.js';
export type { ReportSummary, StatementEntry, ReadingEntry, ErratumEntry, PlotEntry, JsonNumber, SharpConstantEntry } from './ReportSummary.js';
export { sharpConstants } from './sharpConstants.js';
export type { Timings } from './Timings.js';
export { converseTable, CONVERSE_DIGITS, CONVERSE_KAPPAS, type ConverseRow, type ConverseTable } from './converseTable.js';
export { PLOTS, renderSvg, normalizeSvgIds, type Plot, type PlotBuilder, type PlotTable } from './plots/index.js';
export { writeReportDir, type WriteReportHooks } from './writeReportDir.js';
export { terminalProgress, silentProgress, type ReportProgress } from './progress.js';
