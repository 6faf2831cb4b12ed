/**
 * Benchmark text: news sentences from ../shared (ConfliBERT sentences, PETRARCH GigaWord and validation texts,
 * PLOVER examples, the seed) grouped into article-sized documents, repeated until the target size; without
 * ../shared, the bundled sample corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocInput } from '../core/types.ts';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../data/samples/corpus.jsonl', import.meta.url));

function sharedSentences(): string[] {
  const out: string[] = [];
  const cls = join(SHARED, 'eval/dev/confliBERT/cameo_class.train.tsv');
  if (existsSync(cls))
    for (const line of readFileSync(cls, 'utf8').split('\n')) out.push(line.split('\t')[0]!.trim());
  for (const f of ['petrarch2/text/GigaWord.sample.PETR.xml', 'petrarch2/text/PETR.UnitTest.records.xml']) {
    const p = join(SHARED, f);
    if (!existsSync(p)) continue;
    for (const m of readFileSync(p, 'utf8').matchAll(/<Text>([\s\S]*?)<\/Text>/g))
      out.push(m[1]!.replace(/\s+/g, ' ').trim());
  }
  const seed = join(SHARED, 'seed/000_b682c74007a363c0.txt');
  if (existsSync(seed)) out.push(...readFileSync(seed, 'utf8').split('\n'));
  return out.filter((s) => s.length > 20);
}

export interface BenchCorpus {
  docs: DocInput[];
  bytes: number;
  distinctBytes: number;
  origin: string;
}

export function benchCorpus(minBytes = 1_050_000): BenchCorpus {
  let sentences = sharedSentences();
  let origin = '../shared (ConfliBERT, PETRARCH texts, seed)';
  if (sentences.length === 0) {
    origin = 'data/samples/corpus.jsonl';
    sentences = readFileSync(SAMPLES, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
  }
  const distinctBytes = sentences.reduce((n, s) => n + Buffer.byteLength(s) + 1, 0);
  const docs: DocInput[] = [];
  let bytes = 0;
  let k = 0;
  while (bytes < minBytes) {
    const parts: string[] = [];
    for (let j = 0; j < 12; j++) parts.push(sentences[k++ % sentences.length]!);
    const text = parts.join('\n');
    bytes += Buffer.byteLength(text);
    docs.push({ id: `bench-${docs.length}`, text, date: '2016-12-30' });
  }
  return { docs, bytes, distinctBytes, origin };
}
