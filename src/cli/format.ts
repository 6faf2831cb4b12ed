/** Output formats for event records: JSONL (default, pipes) and an aligned table for terminals. */
import type { EventRecord } from '../core/types.ts';

export function eventsTable(events: EventRecord[]): string {
  const rows = events.map((e) => [
    e.doc,
    e.date + (e.dateSource === 'publication' ? '*' : ''),
    e.source?.code ?? '∅',
    `${e.code} ${e.codeName ?? ''}`.trim().slice(0, 34),
    e.target?.code ?? '∅',
    e.modality,
    e.confidence.toFixed(2),
    (e.evidence[0]?.trigger.text ?? '').slice(0, 24),
  ]);
  const header = ['doc', 'date', 'source', 'event', 'target', 'modality', 'conf', 'trigger'];
  const all = [header, ...rows];
  const widths = header.map((_, k) => Math.max(...all.map((r) => r[k]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, k) => c.padEnd(widths[k]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n${events.length} events (* = publication date)\n`;
}
