/** `riposte bench [--json] [--mb N]`: the full pipeline, raw text → events, on about 1 MB of news text, one core. */

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchCorpus } from '../../bench/corpus.ts';
import { fail } from '../../core/errors.ts';
import { createCoder } from '../../index.ts';
import type { Command } from '../command.ts';

const usage = 'riposte bench [--json] [--mb N] [--dictionaries native|petrarch:DIR]';

export const command: Command = {
  name: 'bench',
  summary: 'Benchmark the coding pipeline: sentences/s and tokens/s on one core, load time, peak RSS.',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, mb: { type: 'string' }, dictionaries: { type: 'string' } },
    });
    const mb = values.mb === undefined ? 1.05 : Number(values.mb);
    if (!Number.isFinite(mb) || mb <= 0)
      throw fail('E_ARGS', `expected --mb a positive number, found "${values.mb}"`);
    const corpus = benchCorpus(Math.round(mb * 1_000_000));
    const t0 = performance.now();
    const coder = await createCoder({ dictionaries: values.dictionaries ?? 'native' });
    const loadMs = performance.now() - t0;
    // warm-up on a few documents (JIT), not counted
    for (const d of corpus.docs.slice(0, 5)) coder.code(d);
    let sentences = 0;
    let tokens = 0;
    let events = 0;
    let failed = 0;
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const d of corpus.docs) {
      const r = coder.code(d);
      if (!r.ok) {
        failed++;
        continue;
      }
      sentences += r.value.doc.sentences.length;
      tokens += r.value.doc.tokens.length;
      events += r.value.events.length;
    }
    const secs = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process (user + system): steadier than wall time on a shared machine
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    const figures = {
      corpus: corpus.origin,
      bytes: corpus.bytes,
      distinctBytes: corpus.distinctBytes,
      documents: corpus.docs.length,
      failed,
      sentences,
      tokens,
      events,
      seconds: Math.round(secs * 100) / 100,
      cpuSeconds: Math.round(cpuSecs * 100) / 100,
      sentencesPerSecond: Math.round(sentences / secs),
      tokensPerSecond: Math.round(tokens / secs),
      sentencesPerCpuSecond: Math.round(sentences / cpuSecs),
      tokensPerCpuSecond: Math.round(tokens / cpuSecs),
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
      loadMs: Math.round(loadMs),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      dictionaries: coder.version,
    };
    if (values.json) io.stdout.write(`${JSON.stringify(figures)}\n`);
    else {
      io.stdout.write(
        [
          `corpus        ${figures.corpus}: ${figures.bytes} bytes (${figures.distinctBytes} distinct), ${figures.documents} documents`,
          `load          ${figures.loadMs} ms (${figures.dictionaries})`,
          `coded         ${figures.sentences} sentences, ${figures.tokens} tokens, ${figures.events} events in ${figures.seconds} s`,
          `throughput    ${figures.sentencesPerSecond} sentences/s, ${figures.tokensPerSecond} tokens/s (wall clock, one core)`,
          `cpu           ${figures.sentencesPerCpuSecond} sentences/s, ${figures.tokensPerCpuSecond} tokens/s per CPU second (${figures.cpuSeconds} s; load average ${figures.loadAverage})`,
          `peak RSS      ${figures.peakRssMB} MB`,
          '',
        ].join('\n'),
      );
    }
    return failed > 0 ? 1 : 0;
  },
};
