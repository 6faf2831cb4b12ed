/**
 * Pure scoring functions for the evaluations: precision/recall/F1, span matching (partial overlap, IoU ≥ 0.5,
 * exact), class accuracy, macro-F1 and confusion tables. No I/O here; see docs/evaluation.md for the definitions.
 */

/** A half-open span [start, end) over token (or character) positions. */
export interface Span {
  start: number;
  end: number;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts; an empty denominator gives 0. */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Number of positions two spans share. */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Intersection over union of two spans; 0 for disjoint or empty spans. */
export function iou(a: Span, b: Span): number {
  const inter = overlap(a, b);
  if (inter === 0) return 0;
  const union = a.end - a.start + (b.end - b.start) - inter;
  return union <= 0 ? 0 : inter / union;
}

/** How a predicted span counts as a hit: any shared position, IoU ≥ 0.5, or identical bounds. */
export type SpanMode = 'partial' | 'strict' | 'exact';
export const SPAN_MODES: readonly SpanMode[] = ['partial', 'strict', 'exact'];

export function spanHit(gold: Span, pred: Span, mode: SpanMode): boolean {
  if (mode === 'exact') return gold.start === pred.start && gold.end === pred.end;
  if (mode === 'strict') return iou(gold, pred) >= 0.5;
  return overlap(gold, pred) > 0;
}

/**
 * One-to-one matching of predicted to gold spans: candidate pairs that hit under `mode` are taken greedily by
 * descending IoU (ties: earlier gold, then earlier prediction), so one prediction never counts for two gold spans.
 */
export function matchSpans(
  gold: Span[],
  pred: Span[],
  mode: SpanMode,
): { tp: number; fp: number; fn: number } {
  const pairs: { g: number; p: number; score: number }[] = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      if (spanHit(g, p, mode)) pairs.push({ g: gi, p: pi, score: iou(g, p) });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
  }
  const tp = usedG.size;
  return { tp, fp: pred.length - tp, fn: gold.length - tp };
}

/** Accumulates span matches over many sentences for every mode. */
export class SpanScorer {
  private readonly counts: Record<SpanMode, { tp: number; fp: number; fn: number }> = {
    partial: { tp: 0, fp: 0, fn: 0 },
    strict: { tp: 0, fp: 0, fn: 0 },
    exact: { tp: 0, fp: 0, fn: 0 },
  };
  sentences = 0;

  add(gold: Span[], pred: Span[]): void {
    this.sentences++;
    for (const mode of SPAN_MODES) {
      const m = matchSpans(gold, pred, mode);
      const c = this.counts[mode];
      c.tp += m.tp;
      c.fp += m.fp;
      c.fn += m.fn;
    }
  }

  result(): Record<SpanMode, PRF> {
    const out = {} as Record<SpanMode, PRF>;
    for (const mode of SPAN_MODES) {
      const c = this.counts[mode];
      out[mode] = prf(c.tp, c.fp, c.fn);
    }
    return out;
  }
}

/**
 * Spans of one label from BIO tags ("B-S", "I-S", "O" …). An I- tag without a preceding B- of the same label
 * opens a span (the usual lenient reading).
 */
export function bioToSpans(tags: readonly string[], label: string): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  tags.forEach((tag, i) => {
    const [bio, lab] = tag.includes('-')
      ? [tag.slice(0, tag.indexOf('-')), tag.slice(tag.indexOf('-') + 1)]
      : [tag, ''];
    if (lab === label && bio === 'I' && open) {
      open.end = i + 1;
      return;
    }
    if (open) {
      spans.push(open);
      open = null;
    }
    if (lab === label && (bio === 'B' || bio === 'I')) open = { start: i, end: i + 1 };
  });
  if (open) spans.push(open);
  return spans;
}

export interface ClassReport {
  labels: string[];
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: (PRF & { label: string; support: number })[];
  /** confusion[gold][pred] */
  confusion: number[][];
}

/** Accuracy, per-class P/R/F1, macro-F1 (unweighted mean over labels with gold or predicted items) and confusion. */
export function classReport(
  gold: readonly number[],
  pred: readonly number[],
  labels: readonly string[],
): ClassReport {
  if (gold.length !== pred.length)
    throw new Error(`gold and predicted lengths differ: ${gold.length} vs ${pred.length}`);
  const k = labels.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = pred[i]!;
    confusion[g]![p]!++;
    if (g === p) correct++;
  });
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[c]!, 0);
    return { label, support, ...prf(tp, predicted - tp, support - tp) };
  });
  const scored = perClass.filter((c) => c.support > 0 || c.tp + c.fp > 0);
  const macroF1 = scored.length === 0 ? 0 : scored.reduce((a, c) => a + c.f1, 0) / scored.length;
  return {
    labels: [...labels],
    n: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1,
    perClass,
    confusion,
  };
}

/** A confusion table as text: rows are gold, columns predicted. */
export function formatConfusion(report: Pick<ClassReport, 'labels' | 'confusion'>): string {
  const w = Math.max(
    6,
    ...report.labels.map((l) => l.length),
    ...report.confusion.flat().map((n) => String(n).length),
  );
  const pad = (s: string) => s.padStart(w);
  const head = [pad('gold\\pred'), ...report.labels.map(pad)].join(' ');
  const rows = report.confusion.map((row, i) =>
    [pad(report.labels[i]!), ...row.map((n) => pad(String(n)))].join(' '),
  );
  return [head, ...rows].join('\n');
}

/** The ConfliBERT five-way class of a CAMEO root: 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict. */
export function fiveWayOfRoot(root: string): number {
  const r = Number.parseInt(root.slice(0, 2), 10);
  if (r <= 2) return 0;
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13 || r === 16) return 3;
  return 4;
}

export const FIVE_WAY_LABELS = ['statement', 'verb-coop', 'mat-coop', 'verb-conf', 'mat-conf'] as const;

/** Formats a ratio as a fixed three-decimal string. */
export const fmt = (x: number): string => x.toFixed(3);
