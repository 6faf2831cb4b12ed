/**
 * Coding with PETRARCH/TABARI dictionaries (src/lexicon/petrarch/ → src/coder/): how the coder honours what those
 * dictionaries say beyond riposte's slot model. Inline fixture dictionaries with invented places; each case lists
 * the (source, target, code) triples a sentence must give, exactly.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCoder } from '../index.ts';
import { buildPetrarchLexicon } from '../lexicon/petrarch/index.ts';

const ACTORS = `
PELL [PEL]
VARNOVA_ [VAR]
+VARNOVAN_
KESTREL_ISLES [KES]
ZUNDIA [ZUN]
ODOVAR [VAR]
RELIEF_LEAGUE [NGO]
`;

const AGENTS = `
DIPLOMAT [~GOV]
PRIME_MINISTER [~GOV]
AIDWATCH {} [NGO~]
SOLDIER [~MIL]
FOREIGN_MINISTER [~GOVFRM]
ACTIVIST [~OPP]
`;

const VERBS = `
&ARMS
+MORTAR
+HOWITZER

--- LAUNCH [071] ---
LAUNCH
- * &ARMS [194]
- * BARRAGES [195]

--- BEHAVE [100] ---
BEHAVE
- SEEMED_TO_* [1012]
- LATELY_* [1013]
- HINTED WOULD * SOON [1010]
- * ON BUDGET [103]

--- PRAISE [051] ---
PRAISE

--- HINT [080] ---
HINT

--- CAUTION [160] ---
CAUTION
- * AT ^ + [162]

--- GREET [040] ---
GREET
- + HOSTING * FESTIVAL ^ $ [042]

--- HALT [191] ---
HALT
- * MARCH [192]

--- DEPLORE [122] ---
DEPLORE
- STATED + * [1122]

--- RESCUE [070] ---
RESCUE
- + WAS * FROM $ [074]

--- SAY [023] ---
SAY

--- LEAVE [012] ---
LEAVE

--- LEFT [032:033] ---
LEFT

--- CANCEL [014] ---
CANCEL
- % HAVE * [191]

--- RETURN [030] ---
RETURN
- * FROM [032]

&NOTAUX
+DID N'T
+WILL NOT

--- QUARREL [120] ---
QUARREL
- &NOTAUX * OVER PLANS [1202]
- * OVER PLANS [121]
`;

const { lexicon } = buildPetrarchLexicon('fx', [
  { file: 'fx.actors.txt', path: 'fx/fx.actors.txt', content: ACTORS },
  { file: 'fx.agents.txt', path: 'fx/fx.agents.txt', content: AGENTS },
  { file: 'fx.verbs.txt', path: 'fx/fx.verbs.txt', content: VERBS },
]);
const coder = await createCoder({ lexicon });

function triples(text: string): string[] {
  const r = coder.code({ id: 't', text, date: '2020-05-01' });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.events
    .filter((e) => e.modality !== 'negated')
    .map((e) => `${e.source?.code ?? '---'} ${e.target?.code ?? '---'} ${e.code}`)
    .sort();
}

const run = (title: string, cases: [string, string[]][]) =>
  describe(title, () => {
    for (const [text, want] of cases)
      test(JSON.stringify(text), () => assert.deepEqual(triples(text), [...want].sort()));
  });

run('PETRARCH actors: short names written in capitals', [
  ['Pell praised Zundia.', ['PEL ZUN 051']],
  ['Zundia praised Pell on Monday.', ['ZUN PEL 051']],
  ['PELL praised Zundia.', ['PEL ZUN 051']],
]);

run('PETRARCH patterns: words in order, before and after the verb', [
  // a pattern word need not head the object: "two mortar shells" has MORTAR
  ['Varnova launched two mortar shells at Zundia.', ['VAR ZUN 194']],
  // a plural written in the pattern is matched as written
  ['Varnova launched heavy barrages at Zundia.', ['VAR ZUN 195']],
  // … and a singular pattern word is not matched by a plural
  ['Varnova launched a barrage at Zundia.', ['VAR ZUN 071']],
  // words in a prepositional phrase after the verb
  ['Varnova behaved badly on the budget with Zundia.', ['VAR ZUN 103']],
  // words before the verb, glued to it or with words in between
  ['Varnova seemed to behave oddly with Zundia.', ['VAR ZUN 1012']],
  // a word glued to the verb stands right before it
  ['Varnova lately behaved oddly with Zundia.', ['VAR ZUN 1013']],
  ['Varnova lately did behave oddly with Zundia.', ['VAR ZUN 100']],
  ['Varnova hinted it would behave soon with Zundia.', ['VAR ZUN 1010']],
  // pre-verb words that are absent: the block's default code, not a pattern of the block
  ['Varnova behaved oddly with Zundia.', ['VAR ZUN 100']],
  ['Varnova hinted it would behave with Zundia.', ['VAR ZUN 100']],
]);

run('PETRARCH actors: a title before a name with a country code only', [
  ['Varnova Prime Minister Odovar praised Zundia.', ['VARGOV ZUN 051']],
  ['Odovar praised Zundia.', ['VAR ZUN 051']],
  // a word before the title is not part of a name: "Deputy" + "Prime Minister" + name
  ['Varnova Deputy Prime Minister Odovar praised Zundia.', ['VARGOV ZUN 051']],
]);

run('PETRARCH targets: the first actor after the verb when the pattern names none', [
  ['Varnova quarrelled over the plans of Zundia.', ['VAR ZUN 121']],
  // TABARI reads on through what the verb governs …
  ['Varnova quarrelled over the plans to help Zundia.', ['VAR ZUN 121']],
  ['Odovar hinted that Zundia would not quarrel over the plans.', ['VAR ZUN 080']],
  ['Varnova quarrelled over the plans drafted by Zundia.', ['VAR ZUN 121']],
  // a place is an actor too, and a participle without a subject of its own does not stop the reading
  ['Varnova quarrelled over the roads leading into Zundia.', ['VAR ZUN 120']],
  // a pronoun is no actor for TABARI (its default target, a phrase's actor)
  ['Pell urged Zundia on Monday to quarrel over the plans for it.', ['ZUN --- 121']],
  // the subject's own object is no target: PETRARCH looks further …
  ['Varnova halted its march in the vicinity of Zundia.', ['VAR ZUN 192']],
  // … but not into the clause that reports the sentence
  ['Varnova quarrelled over its plans, a Zundia diplomat said.', ['VAR --- 121', 'ZUNGOV --- 023']],
  // with the phrases coordinated with that actor
  ['Varnova hinted that Zundia and Pell would agree.', ['VAR ZUN 080', 'VAR PEL 080']],
  // … but not into an adverbial clause with a subject of its own
  ['Varnova quarrelled over the plans after Zundia objected.', ['VAR --- 121']],
]);

run('PETRARCH patterns that write the negation before the verb code the negated action', [
  ["Varnova didn't quarrel over the plans of Zundia.", ['VAR ZUN 1202']],
  ['Varnova will not quarrel over the plans of Zundia.', ['VAR ZUN 1202']],
  // a negation the pattern does not write still stops the event
  ['Varnova never praised Zundia.', []],
]);

run('PETRARCH targets in prepositional phrases: a country after "from" is an actor, not a place', [
  ['Varnova returned from Zundia on Monday.', ['VAR ZUN 032']],
  // a TABARI pattern that ends in a preposition aims at the actor after it, wherever the phrase is attached
  ['Varnova returned the letters sent from Zundia.', ['VAR ZUN 032']],
]);

run('PETRARCH compound subjects: "%" before the verb', [
  // the members act on each other, whatever the object names
  ['Varnova and Zundia have cancelled their summit.', ['VAR ZUN 191', 'ZUN VAR 191']],
  // one subject: the pattern does not apply
  ['Varnova has cancelled the summit with Zundia.', ['VAR ZUN 014']],
]);

run('PETRARCH verbs written in an inflected form; one target phrase', [
  // "left" has its own block beside LEAVE; the first phrase after the verb with an actor is the target
  ['Pell left for Zundia on Monday for talks with Varnova.', ['PEL ZUN 032', 'ZUN PEL 033']],
  ['Pell will leave Zundia soon.', ['PEL ZUN 012']],
  // coordinated actors of that phrase are all targets
  ['Pell left for Zundia and Varnova.', ['PEL ZUN 032', 'ZUN PEL 033', 'PEL VAR 032', 'VAR PEL 033']],
]);

run('PETRARCH prefix agents (CODE~) go before the actor code', [
  ['Aidwatch Varnova praised Zundia.', ['NGOVAR ZUN 051']],
  ['An Aidwatch Varnova diplomat praised Zundia.', ['NGOVARGOV ZUN 051']],
  ['A Varnova diplomat praised Zundia.', ['VARGOV ZUN 051']],
]);

run('PETRARCH unidentified actors: an agent takes a country from its own phrase only', [
  // not Varnova's or Zundia's diplomat: "---GOV", and the event is kept without a target
  ['Varnova praised Zundia, a diplomat said.', ['VAR ZUN 051', '---GOV --- 023']],
  ['Varnova praised Zundia, a Pell diplomat said.', ['VAR ZUN 051', 'PELGOV --- 023']],
]);

run('PETRARCH compound subjects: every actor of the coordination', [
  ['Farmers, fishermen and Zundia praised Varnova.', ['ZUN VAR 051']],
  ['Pell, Zundia and Varnova praised Odovar.', ['PEL VAR 051', 'ZUN VAR 051']],
]);

run('PETRARCH conventions: origins after "from", events of any date', [
  ['Soldiers from Varnova praised Zundia.', ['VARMIL ZUN 051']],
  // PETRARCH codes sentences, not news: an event dated years before publication is coded
  ['In 1990, Varnova praised Zundia.', ['VAR ZUN 051']],
]);

run('PETRARCH-1 targets placed by the pattern: "^" skips a phrase, "+" is the next actor', [
  ['Varnova cautioned at the summit about Zundia.', ['VAR ZUN 162']],
  ['Varnova cautioned at the summit about Zundia and Pell.', ['VAR ZUN 162', 'VAR PEL 162']],
  // no actor where the pattern puts its target: the pattern does not apply
  ['Varnova cautioned Pell at the summit.', ['VAR PEL 160']],
]);

run('PETRARCH targets: an actor object comes before any phrase', [
  ['Varnova praised Zundia and Pell during a visit to the Kestrel Isles.', ['VAR ZUN 051', 'VAR PEL 051']],
  // a possessive pronoun is not that object
  ['Varnova praised its envoys during a visit to Zundia.', ['VAR ZUN 051']],
]);

run('PETRARCH: "neither … nor" subjects are coordinated, and coded as PETRARCH codes them', [
  ['Neither Varnova nor Zundia praised Pell.', ['VAR PEL 051', 'ZUN PEL 051']],
]);

run('PETRARCH-1 sources placed after the verb ("$"), targets before it ("+")', [
  ['Pell was rescued from Zundia on Monday.', ['ZUN PEL 074']],
  ['Pell was rescued from Zundia and Varnova.', ['ZUN PEL 074', 'VAR PEL 074']],
  // words between "+" and the verb: the target is the actor right before them
  [
    'Varnova will be hosting Pell to greet the festival with Zundia next week at the Kestrel Isles.',
    ['KES VAR 042'],
  ],
  // TABARI words are literal: "were" is not "WAS"; with no subject the passive codes nothing
  ['Pell and Varnova were rescued from Zundia.', []],
  // the words before the verb are not there: the block's code, the usual roles
  ['Pell rescued the hostages from Zundia.', ['PEL ZUN 070']],
]);

run('PETRARCH patterns with "+" before the verb after words of their own', [
  // "X stated that Y deplored …": Y is the target, X the source
  ['Varnova stated that Zundia deplored the vote.', ['VAR ZUN 1122']],
  // without those words, the usual roles
  ['Zundia deplored the vote in Varnova.', ['ZUN VAR 122']],
]);

run('PETRARCH agents with several types add them all', [
  ['The Varnova foreign minister praised Zundia.', ['VARGOVFRM ZUN 051']],
]);

run('PETRARCH agents append their type to the whole actor code', [
  ['The activists of the Relief League praised Zundia.', ['NGOOPP ZUN 051']],
  ['The activists of Zundia praised Varnova.', ['ZUNOPP VAR 051']],
]);

run('PETRARCH: the first actor of a noun phrase is its actor', [
  ["Pell's Odovar praised Zundia.", ['PEL ZUN 051']],
  // with a title between the two
  ["Pell's prime minister Odovar praised Zundia.", ['PELGOV ZUN 051']],
]);
