/**
 * The default pipeline and the reasons for its order. Each stage declares what it requires and assigns;
 * `Pipeline.create` checks the declarations once.
 *
 *  1. tokenize      — sentences, tokens with offsets, POS, lemmas (wink-nlp)
 *  2. repair        — tagger repairs need the lexicon's verb/noun heads, and must precede chunking
 *  3. chunk         — NPs, verb groups, PPs over the repaired tags
 *  4. mentions      — dictionary names, titles, unknown people; before coreference, which needs person mentions
 *  5. coref-he-she  — he/she need person mentions and subject positions (chunks); before NP actors, so that
 *                     "his decision" gets its possessor
 *  6. np-actors     — the actor each NP denotes (agents + countries, "of" phrases)
 *  7. coref-they    — they/them need the previous sentence's NP actors; so does he/she for a role noun
 *                     ("the foreign minister said he …")
 *  8. quotes        — spans and attribution; the speaker is chosen among resolved mentions ("he said")
 *  9. coref-quotes  — I/we inside a quote need its speaker
 * 10. clauses       — subjects and objects carry the NP actors, so everything above comes first
 * 11. dates         — weekday direction reads clause tense; event dates read clause spans
 * 12. events        — patterns over clauses and NPs, modality, dates, evidence, de-duplication
 */
import type { Doc } from '../core/doc.ts';
import type { Layer, Stage } from '../core/pipeline.ts';
import { ok } from '../core/result.ts';
import { chunk } from '../nlp/chunk.ts';
import { repairTags } from '../nlp/repair.ts';
import { tokenize } from '../nlp/tokenize.ts';
import { findQuotes } from '../quotes/quotes.ts';
import { findDates } from '../time/dates.ts';
import { analyseClauses } from './clauses.ts';
import type { CoderContext } from './context.ts';
import {
  resolveFirstPersonInQuotes,
  resolvePersonalPronouns,
  resolvePluralPronouns,
  resolvePronounsToRoles,
} from './coref.ts';
import { codeEvents } from './events.ts';
import { assignNounPhraseActors, findMentions } from './mentions.ts';

function stage(
  name: string,
  requires: Layer[],
  assigns: Layer[],
  fn: (doc: Doc, ctx: CoderContext) => void,
): Stage<CoderContext> {
  return {
    name,
    requires,
    assigns,
    run(doc, ctx) {
      fn(doc, ctx);
      return ok(undefined);
    },
  };
}

export const DEFAULT_STAGES: readonly Stage<CoderContext>[] = [
  stage('tokenize', [], ['tokens', 'sentences'], (doc) => tokenize(doc)),
  stage('repair', ['tokens'], ['pos'], (doc, ctx) => repairTags(doc, ctx.lex)),
  stage('chunk', ['pos', 'sentences'], ['chunks'], (doc) => chunk(doc)),
  stage('mentions', ['chunks'], ['mentions'], (doc, ctx) => findMentions(doc, ctx)),
  stage('coref-he-she', ['mentions'], [], (doc) => resolvePersonalPronouns(doc)),
  stage('np-actors', ['mentions', 'chunks'], [], (doc, ctx) => assignNounPhraseActors(doc, ctx)),
  stage('coref-they', ['mentions'], ['coref'], (doc) => {
    resolvePluralPronouns(doc);
    resolvePronounsToRoles(doc);
  }),
  stage('quotes', ['coref'], ['quotes'], (doc) => {
    doc.quotes = findQuotes(doc);
  }),
  stage('coref-quotes', ['quotes'], [], (doc) => resolveFirstPersonInQuotes(doc)),
  stage('clauses', ['chunks', 'mentions', 'quotes'], ['clauses'], (doc) => analyseClauses(doc)),
  stage('dates', ['clauses'], ['dates'], (doc) => {
    doc.dates = findDates(doc);
  }),
  stage('events', ['clauses', 'dates', 'quotes'], ['events'], (doc, ctx) => codeEvents(doc, ctx)),
];
