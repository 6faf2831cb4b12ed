/**
 * Action → response pairing (the episode view of Abrahams et al. 2020; research notes §5.2 item 7).
 * For each stimulus A→B, the replies B→A within a window (default 30 days) classify it as answered in kind
 * (same quad class), escalated (lower Goldstein), de-escalated, or unanswered, with the latency in days.
 *
 * A declined response counts as a reply: a negated B→A action ("we will not expel anyone") or a proposed
 * B→A action that B rejects ("Putin rejected the proposal") is a de-escalation signal, never an in-kind
 * answer and never a missing event. The rejection that declines a proposal is consumed by it and is not
 * counted again as a verbal-conflict reply.
 */
import { median } from 'simple-statistics';
import type { EventRecord } from '../core/types.ts';
import type { ActorSelector } from './actors.ts';
import { matchesActor, selectorOf } from './actors.ts';
import { dayNumber } from './dates.ts';
import type { SelectOptions } from './filter.ts';
import { directed, isConflict, isCooperation, oneADay, selectEvents } from './filter.ts';

export const OUTCOMES = ['in-kind', 'escalated', 'de-escalated', 'unanswered'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ResponseOptions extends Omit<SelectOptions, 'assertedOnly'> {
  /** replies count up to this many days after the stimulus (default 30) */
  windowDays?: number;
  /** the shortest latency that counts (default 0: same-day replies count, since dates are days) */
  minLatencyDays?: number;
  /** which A→B events are stimuli (default all asserted ones) */
  stimuli?: 'all' | 'conflict' | 'cooperation';
  /** a rejection by B declines a B→A proposal from the same document, or within this many days after it (default 7) */
  rejectWindowDays?: number;
}

export interface Reply {
  event: EventRecord;
  /** the day the reply happened (for a rejected proposal: the rejection's day) */
  date: string;
  latency: number;
  /** a declined action: 'negated', or 'rejected' (a proposal turned down) */
  declined?: 'negated' | 'rejected';
  /** the rejection event that declined a proposal */
  rejection?: EventRecord;
}

export interface StimulusResponse {
  stimulus: EventRecord;
  outcome: Outcome;
  /** days to the first reply, null when unanswered */
  latency: number | null;
  /** the reply that classifies the stimulus: the most hostile actual reply of the first reply day, or else its first declined one */
  response: Reply | null;
  /** Goldstein of the response minus Goldstein of the stimulus; a declined reply counts as 0 (no action) */
  delta: number | null;
  inKind: boolean;
  declined: boolean;
  /** every reply in the window, in date order */
  replies: Reply[];
}

export interface ResponseSummary {
  stimuli: number;
  answered: number;
  unanswered: number;
  inKind: number;
  escalated: number;
  deescalated: number;
  /** answered stimuli whose classifying reply is a declined action */
  declined: number;
  /** answered / stimuli */
  responseRate: number | null;
  /** median days to the first reply over answered stimuli */
  medianLatency: number | null;
  /** in-kind / answered */
  inKindRate: number | null;
  /** escalated / answered */
  escalationRate: number | null;
  /** de-escalated / answered */
  deescalationRate: number | null;
  /** mean Goldstein delta over answered stimuli */
  meanDelta: number | null;
}

export interface DyadResponses {
  source: string;
  target: string;
  windowDays: number;
  items: StimulusResponse[];
  summary: ResponseSummary;
}

const isRejection = (e: EventRecord): boolean => e.root === '12' && e.modality === 'asserted';

/** B's replies to A: actual asserted actions, negated actions and rejected proposals, in date order. */
export function candidateReplies(
  events: readonly EventRecord[],
  b: ActorSelector,
  a: ActorSelector,
  rejectWindowDays = 7,
): Omit<Reply, 'latency'>[] {
  const { declined, consumed } = declinedActions(events, b, a, rejectWindowDays);
  const out: Omit<Reply, 'latency'>[] = [...declined];
  for (const e of directed(events, b, a)) {
    if (e.modality === 'asserted' && !consumed.has(e)) out.push({ event: e, date: e.date });
  }
  return out.sort((x, y) => dayNumber(x.date) - dayNumber(y.date));
}

/**
 * B's declined actions towards A: negated B→A events, and proposed B→A events that a rejection by B (root 12,
 * asserted, aimed at A, at B itself or at no one) turns down — in the same document, or within
 * `rejectWindowDays` after the proposal. `consumed` holds those rejections: they decline B's own proposal
 * and are neither replies nor stimuli.
 */
export function declinedActions(
  events: readonly EventRecord[],
  b: ActorSelector,
  a: ActorSelector,
  rejectWindowDays = 7,
): { declined: Omit<Reply, 'latency'>[]; consumed: Set<EventRecord> } {
  const rejections = events.filter(
    (e) =>
      isRejection(e) &&
      matchesActor(e.source, b) &&
      (e.target === null || matchesActor(e.target, a) || matchesActor(e.target, b)),
  );
  const consumed = new Set<EventRecord>();
  const declined: Omit<Reply, 'latency'>[] = [];
  for (const e of directed(events, b, a)) {
    if (e.modality === 'negated') declined.push({ event: e, date: e.date, declined: 'negated' });
    if (e.modality !== 'proposed') continue;
    const d = dayNumber(e.date);
    const r = rejections.find((x) => {
      if (x.doc === e.doc) return true;
      const gap = dayNumber(x.date) - d;
      return gap >= 0 && gap <= rejectWindowDays;
    });
    if (r) {
      consumed.add(r);
      const date = dayNumber(r.date) >= d ? r.date : e.date;
      declined.push({ event: e, date, declined: 'rejected', rejection: r });
    }
  }
  return { declined, consumed };
}

function classify(stimulus: EventRecord, replies: Reply[]): StimulusResponse {
  const base = { stimulus, replies };
  if (replies.length === 0) {
    return {
      ...base,
      outcome: 'unanswered',
      latency: null,
      response: null,
      delta: null,
      inKind: false,
      declined: false,
    };
  }
  const first = replies[0]!.latency;
  const day = replies.filter((r) => r.latency === first);
  const actual = day.filter((r) => !r.declined);
  const hostile = actual.length
    ? actual.reduce((m, r) => (r.event.goldstein < m.event.goldstein ? r : m))
    : undefined;
  // an explicit refusal to answer in kind ("we will not expel anyone" after expulsions) classifies the stimulus,
  // unless an actual reply of the same day is in kind or harsher
  const refusedInKind = day.find((r) => r.declined && r.event.quad === stimulus.quad);
  const hostileCounts =
    hostile && (hostile.event.quad === stimulus.quad || hostile.event.goldstein < stimulus.goldstein);
  const response = hostileCounts ? hostile : (refusedInKind ?? hostile ?? day[0]!);
  if (response.declined) {
    return {
      ...base,
      outcome: 'de-escalated',
      latency: first,
      response,
      delta: -stimulus.goldstein,
      inKind: false,
      declined: true,
    };
  }
  const delta = response.event.goldstein - stimulus.goldstein;
  const inKind = response.event.quad === stimulus.quad;
  const outcome: Outcome = inKind ? 'in-kind' : delta < 0 ? 'escalated' : 'de-escalated';
  return { ...base, outcome, latency: first, response, delta, inKind, declined: false };
}

/** Pairs every A→B stimulus with B→A replies. */
export function responses(
  all: readonly EventRecord[],
  a: string | ActorSelector,
  b: string | ActorSelector,
  opts: ResponseOptions = {},
): DyadResponses {
  const sa = selectorOf(a);
  const sb = selectorOf(b);
  const windowDays = opts.windowDays ?? 30;
  const minLatency = opts.minLatencyDays ?? 0;
  // Replies may fall after `to`: the window of a late stimulus must not be cut short.
  const pool = selectEvents(all, { assertedOnly: false, from: opts.from });
  const ownRejections = declinedActions(pool, sa, sb, opts.rejectWindowDays ?? 7).consumed;
  let stimuli = directed(selectEvents(all, { ...opts, assertedOnly: true }), sa, sb).filter(
    (e) => !ownRejections.has(e),
  );
  if (opts.stimuli === 'conflict') stimuli = stimuli.filter(isConflict);
  if (opts.stimuli === 'cooperation') stimuli = stimuli.filter(isCooperation);
  let replies = candidateReplies(pool, sb, sa, opts.rejectWindowDays ?? 7);
  if (opts.oneADay) {
    const kept = new Set(oneADay(replies.map((r) => r.event)));
    replies = replies.filter((r) => kept.has(r.event));
  }
  // replies are in date order: binary-search the first one inside each stimulus's window
  const days = replies.map((r) => dayNumber(r.date));
  const items = stimuli.map((s) => {
    const t = dayNumber(s.date);
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid]! < t + minLatency) lo = mid + 1;
      else hi = mid;
    }
    const mine: Reply[] = [];
    for (let i = lo; i < days.length && days[i]! - t <= windowDays; i++) {
      const r = replies[i]!;
      if (r.event !== s) mine.push({ ...r, latency: days[i]! - t });
    }
    return classify(s, mine);
  });
  return { source: sa.label, target: sb.label, windowDays, items, summary: summarize(items) };
}

export function summarize(items: readonly StimulusResponse[]): ResponseSummary {
  const count = (o: Outcome) => items.filter((i) => i.outcome === o).length;
  const answeredItems = items.filter((i) => i.outcome !== 'unanswered');
  const answered = answeredItems.length;
  const rate = (k: number) => (answered > 0 ? k / answered : null);
  const latencies = answeredItems.map((i) => i.latency!);
  const deltas = answeredItems.map((i) => i.delta!);
  const inKind = count('in-kind');
  const escalated = count('escalated');
  const deescalated = count('de-escalated');
  return {
    stimuli: items.length,
    answered,
    unanswered: items.length - answered,
    inKind,
    escalated,
    deescalated,
    declined: answeredItems.filter((i) => i.declined).length,
    responseRate: items.length > 0 ? answered / items.length : null,
    medianLatency: latencies.length > 0 ? median(latencies) : null,
    inKindRate: rate(inKind),
    escalationRate: rate(escalated),
    deescalationRate: rate(deescalated),
    meanDelta: deltas.length > 0 ? deltas.reduce((s, d) => s + d, 0) / deltas.length : null,
  };
}
