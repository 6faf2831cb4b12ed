/**
 * riposte's library surface: create a coder, code documents into events with evidence.
 *
 *   const coder = await createCoder();
 *   const r = coder.code({ id: 'a1', text, date: '2016-12-30' });
 *   if (r.ok) for (const e of r.value.events) console.log(e.source?.code, e.code, e.target?.code, e.modality);
 */
import { readFileSync } from 'node:fs';
import type { CoderContext } from './coder/context.ts';
import { DEFAULT_STAGES } from './coder/stages.ts';
import { Doc } from './core/doc.ts';
import { fail, isRiposteError } from './core/errors.ts';
import { Pipeline } from './core/pipeline.ts';
import { err, ok, type Result } from './core/result.ts';
import {
  type Annotation,
  type DocInput,
  DocInputSchema,
  type EventRecord,
  type QuadConvention,
} from './core/types.ts';
import { type CompiledLexicon, compileLexicon } from './lexicon/compiled.ts';
import { DATA_DIR, loadNativeLexicon } from './lexicon/native.ts';
import type { Lexicon } from './lexicon/types.ts';

export { Doc } from './core/doc.ts';
export type { Annotation, DocInput, EventRecord } from './core/types.ts';

const PKG_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface CoderOptions {
  /** "native" (default), "native:DIR" or "petrarch:DIR" */
  dictionaries?: string;
  quad?: QuadConvention;
  /** a lexicon already loaded (tests, servers sharing one) */
  lexicon?: Lexicon;
}

export interface CodeOutput {
  events: EventRecord[];
  annotation: Annotation;
  doc: Doc;
}

export interface Coder {
  readonly version: string;
  readonly lexicon: CompiledLexicon;
  code(input: DocInput, opts?: { explain?: boolean }): Result<CodeOutput>;
}

async function loadLexicon(spec: string): Promise<Result<Lexicon>> {
  if (spec === 'native') return loadNativeLexicon(DATA_DIR);
  if (spec.startsWith('native:')) return loadNativeLexicon(spec.slice(7));
  if (spec.startsWith('petrarch:')) {
    const { loadPetrarchLexicon } = await import('./lexicon/petrarch/index.ts');
    try {
      return ok(await loadPetrarchLexicon(spec.slice(9)));
    } catch (e) {
      if (isRiposteError(e)) return err(e);
      throw e;
    }
  }
  return err(fail('E_ARGS', `expected --dictionaries native, native:DIR or petrarch:DIR, found "${spec}"`));
}

export async function createCoder(options: CoderOptions = {}): Promise<Coder> {
  let lexicon = options.lexicon;
  if (!lexicon) {
    const r = await loadLexicon(options.dictionaries ?? 'native');
    if (!r.ok) throw r.error;
    lexicon = r.value;
  }
  const lex = compileLexicon(lexicon);
  const version = `riposte@${PKG_VERSION}+${lexicon.version}`;
  const ctx: CoderContext = { lex, quad: options.quad ?? 'gdelt', version };
  const pipeline = Pipeline.create(DEFAULT_STAGES);
  if (!pipeline.ok) throw pipeline.error;
  return {
    version,
    lexicon: lex,
    code(input, opts = {}) {
      const parsed = DocInputSchema.safeParse(input);
      if (!parsed.success)
        return err(
          fail(
            'E_ARGS',
            `expected a document {id, text, date?}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          ),
        );
      const today = new Date().toISOString().slice(0, 10);
      const doc = new Doc(input.text, {
        id: input.id,
        date: input.date ?? today,
        ...(input.title ? { title: input.title } : {}),
        ...(input.url ? { url: input.url } : {}),
        ...(input.source ? { source: input.source } : {}),
      });
      if (opts.explain) doc.explain = [];
      const r = pipeline.value.run(doc, ctx);
      if (!r.ok) return r;
      return ok({ events: doc.events, annotation: annotate(doc), doc });
    },
  };
}

export function annotate(doc: Doc): Annotation {
  const sentenceDate = new Map<number, { date: string; range?: [string, string] }>();
  for (const d of doc.dates)
    if (!d.modifier && !sentenceDate.has(d.sent))
      sentenceDate.set(d.sent, d.range ? { date: d.date, range: d.range } : { date: d.date });
  return {
    text: doc.text,
    doc: {
      id: doc.meta.id,
      date: doc.meta.date,
      ...(doc.meta.title ? { title: doc.meta.title } : {}),
      ...(doc.meta.url ? { url: doc.meta.url } : {}),
    },
    sentences: doc.sentences.map((s) => {
      const d = sentenceDate.get(s.i);
      return { start: s.start, end: s.end, text: doc.span(s.start, s.end), ...(d ? { date: d } : {}) };
    }),
    mentions: doc.mentions.filter((m) => !m.locative).map((m) => m.actor),
    quotes: doc.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      speaker: q.speakerActor,
      ...(q.cue ? { cue: q.cue } : {}),
    })),
    events: doc.events,
  };
}
