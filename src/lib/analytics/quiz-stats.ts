// Quiz statistics after Moodle's quiz statistics report (mod/quiz/report/statistics): test-level summaries,
// Cronbach's alpha, per-item facility and discrimination, and option frequencies. Pure functions, no I/O.
export { describeScores, scoreHistogram, passRate, type ScoreSummary, type HistogramBin } from './descriptive';
export { cronbachAlpha } from './alpha';
export {
	analyseItems,
	itemThresholds,
	roundShown,
	shownFigure,
	type AnalyseItemsOptions,
	type ItemStats,
	type ItemFlag,
	type ItemFlagCode
} from './items';
export { optionFrequencies, type OptionFrequency } from './options';
export type { ScoreMatrix } from './matrix';
