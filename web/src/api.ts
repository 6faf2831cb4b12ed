/** The API client: typed fetches, errors as `ApiError` with the server's code and message. */
import type { Actor, Annotation, EventRecord, QuoteRecord } from '../../src/core/types.ts';

export type { Actor, Annotation, EventRecord, QuoteRecord };

export interface StoredEvent extends EventRecord {
  docVersion: number;
  outlet: string | null;
  url: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function handle<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let code = `HTTP_${res.status}`;
  let message = res.statusText;
  try {
    const body = (await res.json()) as { error?: { code: string; message: string } };
    if (body.error) ({ code, message } = body.error);
  } catch {
    /* not JSON */
  }
  throw new ApiError(code, message, res.status);
}

export type Params = Record<string, string | number | boolean | undefined | null>;

export function qs(p: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(p))
    if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export const get = <T>(path: string, p: Params = {}): Promise<T> =>
  fetch(`${path}${qs(p)}`).then((r) => handle<T>(r));

export const post = <T>(path: string, body: unknown): Promise<T> =>
  fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => handle<T>(r));

export interface Meta {
  counts: { documents: number; events: number };
  dateRange: { from: string | null; to: string | null };
  modalities: string[];
  formats: string[];
  roots: { code: string; name: string }[];
  quads: { quad: number; name: string }[];
  store: { kind: string; location: string };
}

let metaP: Promise<Meta> | null = null;
export const meta = (refresh = false): Promise<Meta> => {
  if (!metaP || refresh) metaP = get<Meta>('/api/meta');
  return metaP;
};

export interface DocumentRow {
  id: string;
  version: number;
  title: string | null;
  date: string | null;
  outlet: string | null;
  url: string | null;
  status: string;
  error: string | null;
}

export interface SeriesPoint {
  period: string;
  start: string;
  n: number;
  quad: [number, number, number, number, number];
  goldsteinSum: number;
  goldsteinMean: number | null;
  coop: number;
  conflict: number;
}
export interface DyadSeries {
  source: string;
  target: string;
  by: string;
  points: SeriesPoint[];
}

export interface Reply {
  event: EventRecord;
  date: string;
  latency: number;
  declined?: 'negated' | 'rejected';
}
export interface StimulusResponse {
  stimulus: EventRecord;
  outcome: 'in-kind' | 'escalated' | 'de-escalated' | 'unanswered';
  latency: number | null;
  response: Reply | null;
  delta: number | null;
}
export interface DyadResponses {
  source: string;
  target: string;
  windowDays: number;
  items: StimulusResponse[];
  summary: {
    stimuli: number;
    answered: number;
    responseRate: number | null;
    medianLatency: number | null;
    inKindRate: number | null;
    escalationRate: number | null;
    meanDelta: number | null;
  };
}
export interface Regression {
  slope: number;
  intercept: number;
  se: number;
  t: number | null;
  r2: number | null;
  n: number;
}
export interface Reciprocity {
  responder: string;
  to: string;
  by: string;
  lag: number;
  regression: Regression | null;
}
export interface Alert {
  source: string;
  target: string;
  period: string;
  start: string;
  current: number;
  baseline: number;
  level: string;
  change: number | null;
  guarded: boolean;
}
export interface Network {
  level: string;
  nodes: { id: string; events: number; name: string | null }[];
  edges: {
    source: string;
    target: string;
    events: number;
    goldsteinSum: number;
    goldsteinMean: number;
    quad: number[];
  }[];
}
