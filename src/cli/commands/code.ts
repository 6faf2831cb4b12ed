/** `riposte code [FILE|-]`: events as JSONL (or a table) on stdout. */
import { parseArgs } from 'node:util';
import { fail } from '../../core/errors.ts';
import type { DocInput, EventRecord } from '../../core/types.ts';
import { createCoder } from '../../index.ts';
import type { Command } from '../command.ts';
import { explainDoc } from '../explain.ts';
import { eventsTable } from '../format.ts';
import { checkDate, defaultId, parseJsonl, readInput } from '../input.ts';

const usage =
  'riposte code [FILE|-] [--date YYYY-MM-DD] [--id ID] [--input text|jsonl|petrarch] [--format jsonl|table] [--explain] [--dictionaries native|petrarch:DIR] [--quad gdelt|icews|phoenix]';

export const command: Command = {
  name: 'code',
  summary: 'Code news text into political events (JSONL on stdout, one event per line).',
  usage,
  async run(argv, io) {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(argv);
    } catch (e) {
      throw fail('E_ARGS', `${e instanceof Error ? e.message : String(e)}; usage: ${usage}`);
    }
    const { values, positionals } = parsed;
    const input = values.input ?? 'text';
    const format = values.format ?? 'jsonl';
    if (input !== 'text' && input !== 'jsonl' && input !== 'petrarch')
      throw fail('E_ARGS', `expected --input text, jsonl or petrarch, found "${input}"`);
    if (format !== 'jsonl' && format !== 'table')
      throw fail('E_ARGS', `expected --format jsonl or table, found "${format}"`);
    const quad = values.quad ?? 'gdelt';
    if (quad !== 'gdelt' && quad !== 'icews' && quad !== 'phoenix')
      throw fail('E_ARGS', `expected --quad gdelt, icews or phoenix, found "${quad}"`);
    const date = checkDate(values.date);
    const file = positionals[0];
    const text = await readInput(file, io.stdin);
    const coder = await createCoder({ dictionaries: values.dictionaries ?? 'native', quad });
    const docs: DocInput[] = [];
    let failed = 0;
    if (input === 'jsonl') {
      for (const p of parseJsonl(text)) {
        if (p.ok) docs.push(date && !p.doc.date ? { ...p.doc, date } : p.doc);
        else {
          failed++;
          io.stderr.write(`riposte code: ${p.error.code}: ${p.error.message}\n`);
        }
      }
    } else if (input === 'petrarch') {
      // PETRARCH XML (<Sentence date id><Text>…): riposte codes the text with its own analysis; a <Parse> is ignored
      const { parsePetrarchRecords } = await import('../../lexicon/petrarch/records.ts');
      for (const r of parsePetrarchRecords(text, file ?? 'stdin').records)
        docs.push(date && !r.doc.date ? { ...r.doc, date } : r.doc);
    } else {
      if (!text.trim()) throw fail('E_INPUT_EMPTY', `text in ${file ?? 'stdin'}`);
      docs.push({ id: values.id ?? defaultId(file), text, ...(date ? { date } : {}) });
    }
    const all: EventRecord[] = [];
    for (const d of docs) {
      const r = coder.code(d, { explain: Boolean(values.explain) });
      if (!r.ok) {
        failed++;
        io.stderr.write(`riposte code: document ${d.id}: ${r.error.code}: ${r.error.message}\n`);
        continue;
      }
      if (values.explain) io.stderr.write(explainDoc(r.value.doc));
      if (format === 'jsonl') for (const e of r.value.events) io.stdout.write(`${JSON.stringify(e)}\n`);
      else all.push(...r.value.events);
    }
    if (format === 'table') io.stdout.write(eventsTable(all));
    if (failed > 0) io.stderr.write(`riposte code: ${docs.length} documents coded, ${failed} failed\n`);
    return failed > 0 ? 2 : 0;
  },
};

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      id: { type: 'string' },
      input: { type: 'string' },
      format: { type: 'string' },
      explain: { type: 'boolean' },
      dictionaries: { type: 'string' },
      quad: { type: 'string' },
    },
  });
}
