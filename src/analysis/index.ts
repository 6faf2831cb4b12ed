/** The reciprocity analysis as a library: pure functions over `EventRecord[]` (no store dependency). */
export type { ActorLevel, ActorSelector } from './actors.ts';
export { actorKey, matchesActor, parseSelector } from './actors.ts';
export type { Alert, AlertLevel, AlertOptions, AlertsOptions, ChangeClass } from './alerts.ts';
export { ALERT_LEVELS, alertHistory, classifyChange, escalationAlerts } from './alerts.ts';
export type { Granularity } from './dates.ts';
export { isoWeek, periodKey, periodRange, periodStart } from './dates.ts';
export type { SelectOptions } from './filter.ts';
export { isConflict, isCooperation, oneADay, selectEvents } from './filter.ts';
export type {
  PairReciprocity,
  Reciprocity,
  ReciprocityOptions,
  Regression,
  TopOptions,
} from './reciprocity.ts';
export { laggedRegression, reciprocity, reciprocityTable, topDyads } from './reciprocity.ts';
export type {
  DyadResponses,
  Outcome,
  Reply,
  ResponseOptions,
  ResponseSummary,
  StimulusResponse,
} from './responses.ts';
export { OUTCOMES, responses, summarize } from './responses.ts';
export type { DyadSeries, Measures, SeriesOptions, SeriesPoint } from './series.ts';
export { dyad, dyadSeries } from './series.ts';
export type { EventSource, LoadOptions } from './source.ts';
export { loadEvents, parseEventsJsonl, queryAll } from './source.ts';
export type { Episode, TitForTatOptions, Turn } from './titfortat.ts';
export { titForTat } from './titfortat.ts';
