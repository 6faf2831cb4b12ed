/** `riposte annotate FILE --date YYYY-MM-DD`: one JSON object {text, sentences, mentions, quotes, events}. */
import { parseArgs } from 'node:util';
import { fail } from '../../core/errors.ts';
import { createCoder } from '../../index.ts';
import type { Command } from '../command.ts';
import { explainDoc } from '../explain.ts';
import { checkDate, defaultId, readInput } from '../input.ts';

const usage =
  'riposte annotate FILE|- --date YYYY-MM-DD [--id ID] [--explain] [--dictionaries native|petrarch:DIR]';

export const command: Command = {
  name: 'annotate',
  summary: 'Annotate one document: sentences, actor mentions, quotes and events as one JSON object.',
  usage,
  async run(argv, io) {
    let values: { date?: string; id?: string; explain?: boolean; dictionaries?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          date: { type: 'string' },
          id: { type: 'string' },
          explain: { type: 'boolean' },
          dictionaries: { type: 'string' },
        },
      }));
    } catch (e) {
      throw fail('E_ARGS', `${e instanceof Error ? e.message : String(e)}; usage: ${usage}`);
    }
    const date = checkDate(values.date);
    const file = positionals[0];
    const text = await readInput(file, io.stdin);
    if (!text.trim()) throw fail('E_INPUT_EMPTY', `text in ${file ?? 'stdin'}`);
    const coder = await createCoder({ dictionaries: values.dictionaries ?? 'native' });
    const r = coder.code(
      { id: values.id ?? defaultId(file), text, ...(date ? { date } : {}) },
      { explain: Boolean(values.explain) },
    );
    if (!r.ok) throw r.error;
    const out = values.explain
      ? { ...r.value.annotation, explain: explainDoc(r.value.doc).split('\n').filter(Boolean) }
      : r.value.annotation;
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
