/** `--explain`: per sentence, the clauses, actors, verbs and the rule that fired, or why nothing did. */
import type { Argument, Doc } from '../core/doc.ts';

function argText(doc: Doc, a: Argument | undefined): string {
  if (!a) return '∅';
  const text = doc.tokSpan(a.start, a.end).text;
  const m = a.mention !== undefined ? doc.mentions[a.mention] : undefined;
  const base = m ? `${text}=${m.actor.code}${m.locative ? '(place)' : ''}` : text;
  return a.coord ? [base, ...a.coord.map((c) => argText(doc, c))].join(' & ') : base;
}

export function explainDoc(doc: Doc): string {
  const out: string[] = [];
  for (const s of doc.sentences) {
    out.push(`S${s.i}: ${doc.span(s.start, s.end)}`);
    const ms = doc.mentions.filter((m) => doc.tokens[m.tokStart]!.sent === s.i);
    if (ms.length)
      out.push(
        `  actors: ${ms.map((m) => `${m.actor.text}=${m.actor.code}[${m.via}${m.locative ? ',place' : ''}]`).join('; ')}`,
      );
    for (const c of doc.clauses.filter((k) => k.sent === s.i)) {
      const v = c.verb;
      const flags = [v.negated ? 'neg' : '', v.modal ?? '', v.tense, v.voice, v.form]
        .filter(Boolean)
        .join(',');
      const pps = c.pps.map((p) => `${p.prep}:${argText(doc, p)}`).join(' ');
      out.push(
        `  clause ${c.i} [${c.role}${c.parent !== undefined ? `<${c.parent}` : ''}] ${v.lemma}(${flags}) subj=${argText(doc, c.subject)}${c.subjectFrom && c.subjectFrom !== 'explicit' ? `(${c.subjectFrom})` : ''} obj=${argText(doc, c.object)}${pps ? ` ${pps}` : ''}`,
      );
    }
    for (const d of doc.dates.filter((x) => x.sent === s.i))
      out.push(
        `  date: "${d.text}" → ${d.date}${d.range ? ` (${d.range[0]}..${d.range[1]})` : ''} [${d.rule}${d.modifier ? ', modifier' : ''}]`,
      );
    for (const q of doc.quotes.filter((x) => doc.tokens[x.tokStart]!.sent === s.i))
      out.push(
        `  quote: ${doc.span(q.start, Math.min(q.end, q.start + 40))}… speaker=${q.speakerActor?.code ?? '∅'}${q.cue ? ` cue="${q.cue.text}"` : ''}`,
      );
    for (const n of doc.explain?.filter((x) => x.sent === s.i) ?? []) out.push(`  ${n.stage}: ${n.message}`);
  }
  return `${out.join('\n')}\n`;
}
