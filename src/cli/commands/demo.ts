/** `riposte demo` (npm start): codes the bundled sample corpus and prints a readable summary. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EventRecord } from '../../core/types.ts';
import { createCoder } from '../../index.ts';
import type { Command } from '../command.ts';
import { parseJsonl } from '../input.ts';

const CORPUS = fileURLToPath(new URL('../../../data/samples/corpus.jsonl', import.meta.url));
const MODALITY_MARK: Record<string, string> = {
  asserted: ' ',
  negated: '¬',
  proposed: '?',
  intended: '→',
  hypothetical: '~',
};

function line(e: EventRecord): string {
  const who = (a: EventRecord['source']) => (a ? `${a.name ?? a.text} [${a.code}]` : '∅');
  const date = e.dateRange ? `${e.dateRange[0]}..${e.dateRange[1]}` : e.date;
  return `   ${MODALITY_MARK[e.modality]} ${date}  ${who(e.source)} → ${e.code} ${e.codeName ?? ''} → ${who(e.target)}  (${e.modality}, ${e.confidence.toFixed(2)})`;
}

export const command: Command = {
  name: 'demo',
  summary: 'Code the bundled sample corpus (data/samples/corpus.jsonl) and print a readable summary.',
  usage: 'riposte demo [FILE.jsonl] [--quiet]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { quiet: { type: 'boolean' } },
    });
    const file = positionals[0] ?? CORPUS;
    const t0 = performance.now();
    const coder = await createCoder();
    const parsed = parseJsonl(readFileSync(file, 'utf8'));
    const all: EventRecord[] = [];
    let failed = 0;
    let sentences = 0;
    let quotes = 0;
    for (const p of parsed) {
      if (!p.ok) {
        failed++;
        io.stderr.write(`riposte demo: ${p.error.message}\n`);
        continue;
      }
      const r = coder.code(p.doc);
      if (!r.ok) {
        failed++;
        io.stderr.write(`riposte demo: document ${p.doc.id}: ${r.error.message}\n`);
        continue;
      }
      sentences += r.value.doc.sentences.length;
      quotes += r.value.doc.quotes.length;
      all.push(...r.value.events);
      if (!values.quiet) {
        io.stdout.write(`\n${p.doc.date}  ${p.doc.title ?? p.doc.id}\n`);
        for (const e of r.value.events) io.stdout.write(`${line(e)}\n`);
        if (r.value.events.length === 0) io.stdout.write('   (no events)\n');
      }
    }
    const ms = performance.now() - t0;
    const count = (f: (e: EventRecord) => string) => {
      const m = new Map<string, number>();
      for (const e of all) m.set(f(e), (m.get(f(e)) ?? 0) + 1);
      return [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    };
    io.stdout.write(
      [
        '',
        `riposte ${coder.version}`,
        `${parsed.length - failed} documents, ${sentences} sentences, ${quotes} quotes, ${all.length} events in ${Math.round(ms)} ms${failed ? `, ${failed} failed` : ''}`,
        `by modality: ${count((e) => e.modality)}`,
        `by quad class: ${count((e) => `Q${e.quad}`)}`,
        `by root: ${count((e) => e.root)}`,
        `legend: ¬ negated, ? proposed, → intended, ~ hypothetical`,
        '',
      ].join('\n'),
    );
    return failed > 0 ? 2 : 0;
  },
};
