/**
 * Tit-for-tat episodes: runs of conflictual actions between two actors in which the initiative alternates.
 * Conflictual asserted events in either direction are taken in date order; consecutive events by the same side
 * form one turn; a gap longer than `maxGapDays` between consecutive conflictual events closes the episode. An
 * episode needs at least `minTurns` turns (default 3: A strikes, B answers, A answers back). A rejection by
 * which a side turns down its own proposal against the other (see responses.ts) is not a turn.
 */
import type { EventRecord, IsoDate } from '../core/types.ts';
import type { ActorSelector } from './actors.ts';
import { matchesActor, selectorOf } from './actors.ts';
import { daysBetween } from './dates.ts';
import type { SelectOptions } from './filter.ts';
import { isConflict, selectEvents } from './filter.ts';
import { declinedActions } from './responses.ts';

export interface TitForTatOptions extends SelectOptions {
  /** the longest quiet spell inside an episode, in days (default 30) */
  maxGapDays?: number;
  /** the fewest alternating turns that make an episode (default 3) */
  minTurns?: number;
}

export interface Turn {
  /** the side that acted: the label of A or of B */
  by: string;
  start: IsoDate;
  end: IsoDate;
  events: EventRecord[];
  goldsteinSum: number;
}

export interface Episode {
  start: IsoDate;
  end: IsoDate;
  days: number;
  initiator: string;
  lastMover: string;
  turns: Turn[];
  events: number;
  /** Σ Goldstein of each side's actions in the episode */
  goldstein: Record<string, number>;
}

export function titForTat(
  all: readonly EventRecord[],
  a: string | ActorSelector,
  b: string | ActorSelector,
  opts: TitForTatOptions = {},
): Episode[] {
  const sa = selectorOf(a);
  const sb = selectorOf(b);
  const maxGap = opts.maxGapDays ?? 30;
  const minTurns = opts.minTurns ?? 3;
  const side = (e: EventRecord): string | null => {
    if (matchesActor(e.source, sa) && matchesActor(e.target, sb)) return sa.label;
    if (matchesActor(e.source, sb) && matchesActor(e.target, sa)) return sb.label;
    return null;
  };
  // a rejection by which a side turns down its own proposal against the other is no conflictual act
  const pool = selectEvents(all, { ...opts, assertedOnly: false });
  const consumed = new Set([
    ...declinedActions(pool, sa, sb).consumed,
    ...declinedActions(pool, sb, sa).consumed,
  ]);
  const acts = selectEvents(all, opts)
    .filter((e) => isConflict(e) && !consumed.has(e))
    .map((e) => ({ e, by: side(e) }))
    .filter((x): x is { e: EventRecord; by: string } => x.by !== null);

  const runs: Turn[][] = [];
  let turns: Turn[] = [];
  let lastDate: IsoDate | null = null;
  for (const { e, by } of acts) {
    if (lastDate !== null && daysBetween(lastDate, e.date) > maxGap) {
      runs.push(turns);
      turns = [];
    }
    const cur = turns[turns.length - 1];
    if (cur && cur.by === by) {
      cur.events.push(e);
      cur.end = e.date;
      cur.goldsteinSum += e.goldstein;
    } else {
      turns.push({ by, start: e.date, end: e.date, events: [e], goldsteinSum: e.goldstein });
    }
    lastDate = e.date;
  }
  runs.push(turns);

  return runs
    .filter((r) => r.length >= minTurns)
    .map((r) => {
      const first = r[0]!;
      const last = r[r.length - 1]!;
      const goldstein: Record<string, number> = { [sa.label]: 0, [sb.label]: 0 };
      for (const t of r) goldstein[t.by] = (goldstein[t.by] ?? 0) + t.goldsteinSum;
      return {
        start: first.start,
        end: last.end,
        days: daysBetween(first.start, last.end),
        initiator: first.by,
        lastMover: last.by,
        turns: r,
        events: r.reduce((s, t) => s + t.events.length, 0),
        goldstein,
      };
    });
}
