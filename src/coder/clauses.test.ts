/**
 * Clause analysis (src/coder/clauses.ts) with the fixture dictionaries: roles, subjects (explicit, by-agent,
 * inherited, relative antecedent), objects and prepositional phrases, as English grammar assigns them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Argument, Clause, Doc } from '../core/doc.ts';
import { createCoder } from '../index.ts';

const PUB = '2016-12-30';
const coder = await createCoder({ dictionaries: 'native:src/coder/fixtures' });

function run(text: string): Doc {
  const r = coder.code({ id: 't', text, date: PUB });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.doc;
}

const argText = (doc: Doc, a: Argument | undefined) => (a ? doc.tokSpan(a.start, a.end).text : null);

interface Want {
  role?: Clause['role'];
  /** subject NP text (null: no subject) */
  subject?: string | null;
  subjectFrom?: Clause['subjectFrom'];
  /** coordinated subjects after the first */
  subjectCoord?: string[];
  object?: string | null;
  /** PPs as "prep:NP text" that must be present */
  pps?: string[];
  /** lemma of the parent clause's verb */
  parent?: string;
  voice?: 'active' | 'passive';
}

interface Case {
  text: string;
  /** lemma of the clause's verb */
  verb: string;
  want: Want;
  todo?: string;
}

const CASES: Case[] = [
  // a bracketed aside inside a name: the head noun after the bracket ends the name before it
  {
    text: 'The United Nations (Geneva) office condemned Russia on Monday.',
    verb: 'condemn',
    want: { subject: 'The United Nations', object: 'Russia' },
  },
  // an object after a bare time phrase
  {
    text: 'Russia lifted Friday a blockade of Ukraine.',
    verb: 'lift',
    want: { subject: 'Russia', object: 'a blockade' },
  },
  {
    text: 'Egypt freed yesterday two Israeli soldiers.',
    verb: 'free',
    want: { subject: 'Egypt', object: 'two Israeli soldiers' },
  },
  {
    text: 'Russia said Monday Ukraine will meet Egypt.',
    verb: 'say',
    want: { subject: 'Russia', object: null },
  },
  // a complement clause after a reporting verb and a time phrase
  {
    text: 'Russia said on Friday they would attack Ukraine.',
    verb: 'say',
    want: { subject: 'Russia', object: null },
  },
  {
    text: 'Russia said on Friday they would attack Ukraine.',
    verb: 'attack',
    want: { role: 'complement', parent: 'say', object: 'Ukraine' },
  },
  // an object after a short adverbial phrase stays the object
  {
    text: 'Egypt freed on bail two Israeli soldiers.',
    verb: 'free',
    want: { object: 'two Israeli soldiers' },
  },
  // a participle after a statement says what its issuer does
  {
    text: 'Egypt issued a statement condemning the attack on Israel.',
    verb: 'condemn',
    want: { subject: 'Egypt', subjectFrom: 'inherited', object: 'the attack' },
  },
  // … not after any other object (the attacker does not carry the weapons)
  {
    text: 'Egypt attacked a convoy carrying weapons.',
    verb: 'carry',
    want: { subject: null },
  },
  // a participle of state is no passive
  {
    text: 'Russian troops were engaged in heavy fighting with Ukraine.',
    verb: 'engage',
    want: { subject: 'Russian troops', voice: 'active', pps: ['with:Ukraine'] },
  },
  {
    text: 'Russia is opposed to the deployment in Ukraine.',
    verb: 'oppose',
    want: { subject: 'Russia', voice: 'active', pps: ['to:the deployment'] },
  },
  {
    text: 'The plan was opposed by Ukraine.',
    verb: 'oppose',
    want: { subject: 'Ukraine', object: 'The plan', voice: 'passive' },
  },
  // … unless an agent is named
  {
    text: 'Egypt was engaged in talks by the United Nations.',
    verb: 'engage',
    want: { subject: 'the United Nations', voice: 'passive' },
  },
  // not when no actor is named before the bracket
  {
    text: 'A new (second) team condemned Russia on Monday.',
    verb: 'condemn',
    want: { subject: 'team', object: 'Russia' },
  },
  // raising: the subject of a passive "was said", "was seen" does the infinitive's action
  {
    text: 'Russia was seen to attack Ukraine.',
    verb: 'attack',
    want: { subject: 'Russia', subjectFrom: 'inherited' },
  },
  // a coordinated subject of a complement clause is not the object of the verb before it
  {
    text: 'Russia said Ukraine and Egypt will meet on Monday.',
    verb: 'say',
    want: { subject: 'Russia', object: null },
  },
  {
    text: 'Russia said Ukraine and Egypt will meet on Monday.',
    verb: 'meet',
    want: { subject: 'Ukraine', subjectCoord: ['Egypt'] },
  },
  // an agent whose "of"/"in" phrase opens a list of countries: the whole list is the subject
  {
    text: 'The diplomats of Russia, Egypt and Israel condemned the strike.',
    verb: 'condemn',
    want: { subject: 'The diplomats', subjectCoord: ['Egypt', 'Israel'] },
  },
  {
    text: 'Officials in Russia and Egypt condemned the strike.',
    verb: 'condemn',
    want: { subject: 'Officials', subjectCoord: ['Egypt'] },
  },
  // simple active clause with a PP and a time phrase that is not an argument
  {
    text: 'The Obama administration imposed sanctions on Russia on Thursday.',
    verb: 'impose',
    want: {
      role: 'main',
      subject: 'The Obama administration',
      subjectFrom: 'explicit',
      object: 'sanctions',
      pps: ['on:Russia'],
    },
  },
  {
    text: 'The Obama administration on Thursday imposed sanctions on Russia.',
    verb: 'impose',
    want: { role: 'main', subject: 'The Obama administration', object: 'sanctions', pps: ['on:Russia'] },
  },
  // the second party of a "between" pair is not the subject; "after A and B agreed" keeps its subject
  {
    text: 'A summit between Trump and President Putin ended on Thursday.',
    verb: 'end',
    want: { role: 'main', subject: 'A summit', subjectFrom: 'explicit' },
  },
  {
    text: 'Fighting stopped after Russia and Ukraine agreed.',
    verb: 'agree',
    want: { subject: 'Russia', subjectCoord: ['Ukraine'] },
  },
  // passive with a by-agent: the agent is the subject, the grammatical subject the object
  {
    text: 'Russia was sanctioned by the United States.',
    verb: 'sanction',
    want: {
      role: 'main',
      subject: 'the United States',
      subjectFrom: 'by-agent',
      object: 'Russia',
      voice: 'passive',
    },
  },
  // an agentless passive told through the fight it happened in: the other party of the fight
  {
    text: 'Ukrainian soldiers were attacked in a clash with Russian troops.',
    verb: 'attack',
    want: {
      subject: 'Russian troops',
      subjectFrom: 'by-agent',
      object: 'Ukrainian soldiers',
      voice: 'passive',
    },
  },
  // … but a place or an occasion names no one
  {
    text: 'Ukrainian soldiers were attacked in a village near Russia.',
    verb: 'attack',
    want: { subject: null, voice: 'passive' },
  },
  // a participle with its phrase modifying the subject: the later verb is the main one
  {
    text: 'Russian troops stationed in Syria attacked the base.',
    verb: 'attack',
    want: { role: 'main', subject: 'Russian troops', subjectFrom: 'explicit', object: 'the base' },
  },
  {
    text: 'Russian troops stationed in Syria attacked the base.',
    verb: 'station',
    want: { role: 'reduced-relative', subject: null, object: 'Russian troops', voice: 'passive' },
  },
  // … but not an intransitive verb ("remained on alert") nor past a time word
  {
    text: 'Russian troops remained on alert in case fighting erupts.',
    verb: 'remain',
    want: { role: 'main', subject: 'Russian troops' },
  },
  // passive without an agent: no subject
  {
    text: 'Russian diplomats were expelled.',
    verb: 'expel',
    want: { subject: null, object: 'Russian diplomats', voice: 'passive' },
  },
  // reduced relative: "sanctions imposed by Washington"
  {
    text: 'Russia condemned the sanctions imposed on Russian officials by Washington.',
    verb: 'impose',
    want: {
      role: 'reduced-relative',
      subject: 'Washington',
      subjectFrom: 'by-agent',
      object: 'the sanctions',
      pps: ['on:Russian officials'],
      parent: 'condemn',
    },
  },
  {
    text: 'The sanctions imposed on Russia by Washington took effect.',
    verb: 'impose',
    want: { role: 'reduced-relative', subject: 'Washington', object: 'The sanctions', pps: ['on:Russia'] },
  },
  // subject carried into "by -ing", coordinated bare verbs and participles
  {
    text: 'Moscow will respond by expelling US diplomats and bar US diplomatic staff from two compounds.',
    verb: 'expel',
    want: {
      role: 'adverbial',
      subject: 'Moscow',
      subjectFrom: 'inherited',
      object: 'US diplomats',
      parent: 'respond',
    },
  },
  {
    text: 'Moscow will respond by expelling US diplomats and bar US diplomatic staff from two compounds.',
    verb: 'bar',
    want: {
      role: 'coordinate',
      subject: 'Moscow',
      subjectFrom: 'inherited',
      object: 'US diplomatic staff',
      pps: ['from:two compounds'],
    },
  },
  {
    text: 'The United States responded by expelling 35 Russian diplomats.',
    verb: 'respond',
    want: { role: 'main', subject: 'The United States', voice: 'active' },
  },
  {
    text: 'The United States responded by expelling 35 Russian diplomats.',
    verb: 'expel',
    want: { subject: 'The United States', object: '35 Russian diplomats' },
  },
  {
    text: 'The United States imposed sanctions on Russia, expelling 35 Russian diplomats.',
    verb: 'expel',
    want: {
      role: 'participle',
      subject: 'The United States',
      subjectFrom: 'inherited',
      object: '35 Russian diplomats',
      parent: 'impose',
    },
  },
  {
    text: 'The United States expelled 35 Russian diplomats and sanctioned Russia.',
    verb: 'sanction',
    want: {
      role: 'coordinate',
      subject: 'The United States',
      subjectFrom: 'inherited',
      object: 'Russia',
      parent: 'expel',
    },
  },
  // complements: "that" clauses and infinitives with subject and object control
  {
    text: 'The Kremlin proposed that Russia expel 35 US diplomats.',
    verb: 'expel',
    want: {
      role: 'complement',
      subject: 'Russia',
      subjectFrom: 'explicit',
      object: '35 US diplomats',
      parent: 'propose',
    },
  },
  {
    text: 'Putin refused to expel US diplomats.',
    verb: 'expel',
    want: {
      role: 'complement',
      subject: 'Putin',
      subjectFrom: 'inherited',
      object: 'US diplomats',
      parent: 'refuse',
    },
  },
  {
    text: 'Obama urged Putin to meet Trump.',
    verb: 'meet',
    want: { role: 'complement', subject: 'Putin', object: 'Trump', parent: 'urge' },
  },
  {
    text: 'The Kremlin proposed expelling 35 US diplomats.',
    verb: 'expel',
    want: { role: 'complement', subject: 'The Kremlin', object: '35 US diplomats', parent: 'propose' },
  },
  // relative clauses
  {
    text: 'The Russian diplomats who criticized the United States were expelled.',
    verb: 'criticize',
    want: {
      role: 'relative',
      subject: 'The Russian diplomats',
      subjectFrom: 'relative-antecedent',
      object: 'the United States',
    },
  },
  {
    text: 'The Russian diplomats who criticized the United States were expelled.',
    verb: 'expel',
    want: { role: 'main', subject: null, object: 'The Russian diplomats', voice: 'passive' },
  },
  {
    text: 'Russia, which criticized the United States, expelled US diplomats.',
    verb: 'criticize',
    want: {
      role: 'relative',
      subject: 'Russia',
      subjectFrom: 'relative-antecedent',
      object: 'the United States',
    },
  },
  {
    text: 'Russia, which criticized the United States, expelled US diplomats.',
    verb: 'expel',
    want: { role: 'main', subject: 'Russia', object: 'US diplomats' },
  },
  {
    text: 'Putin met the Russian diplomats who were expelled by the United States.',
    verb: 'expel',
    want: {
      role: 'relative',
      subject: 'the United States',
      subjectFrom: 'by-agent',
      object: 'the Russian diplomats',
    },
  },
  // appositions and post-nominal country phrases do not replace the subject
  {
    text: 'Putin, the Russian president, met Trump.',
    verb: 'meet',
    want: { role: 'main', subject: 'Putin', object: 'Trump' },
  },
  {
    text: 'Foreign Minister Jan Novak of the Czech Republic criticized Russia.',
    verb: 'criticize',
    want: { role: 'main', subject: 'Foreign Minister Jan Novak', object: 'Russia' },
  },
  // a reported clause after a speech verb is not a reduced relative of the speech verb's object
  {
    text: "Egypt's president said the Egyptian troops attacked Israeli soldiers.",
    verb: 'attack',
    want: { subject: 'the Egyptian troops', object: 'Israeli soldiers', voice: 'active', parent: 'say' },
  },
  // coordinated subjects
  {
    text: 'Egypt and Israel signed a peace treaty.',
    verb: 'sign',
    want: { role: 'main', subject: 'Egypt', subjectCoord: ['Israel'], object: 'a peace treaty' },
  },
];

function clauseOf(doc: Doc, lemma: string): Clause | undefined {
  return doc.clauses.find((c) => c.verb.lemma === lemma);
}

describe('clauses: roles, subjects, objects, PPs', () => {
  for (const c of CASES) {
    test(`${c.verb} in ${JSON.stringify(c.text)}`, c.todo ? { todo: c.todo } : {}, () => {
      const doc = run(c.text);
      const k = clauseOf(doc, c.verb);
      assert.ok(k, `a clause of "${c.verb}" among ${doc.clauses.map((x) => x.verb.lemma).join(', ')}`);
      const w = c.want;
      if (w.role) assert.equal(k.role, w.role, 'role');
      if (w.subject !== undefined) assert.equal(argText(doc, k.subject), w.subject, 'subject');
      if (w.subjectFrom) assert.equal(k.subjectFrom, w.subjectFrom, 'subjectFrom');
      if (w.subjectCoord)
        assert.deepEqual(
          (k.subject?.coord ?? []).map((a) => argText(doc, a)),
          w.subjectCoord,
          'coordinated subjects',
        );
      if (w.object !== undefined) assert.equal(argText(doc, k.object), w.object, 'object');
      if (w.voice) assert.equal(k.verb.voice, w.voice, 'voice');
      if (w.pps) {
        const pps = k.pps.map((p) => `${p.prep}:${argText(doc, p)}`);
        for (const p of w.pps) assert.ok(pps.includes(p), `PP ${p} among ${JSON.stringify(pps)}`);
      }
      if (w.parent) {
        assert.notEqual(k.parent, undefined, 'has a parent clause');
        assert.equal(doc.clauses[k.parent!]!.verb.lemma, w.parent, 'parent verb');
      }
    });
  }
});

describe('clauses: invariants', () => {
  test('every clause lies within its sentence and its verb group inside its span', () => {
    const doc = run(
      'The Obama administration imposed sanctions on Russia, expelling 35 Russian operatives. Moscow said it would respond by expelling US diplomats and bar US diplomatic staff from two compounds.',
    );
    for (const c of doc.clauses) {
      const s = doc.sentences[c.sent]!;
      assert.ok(s.tokStart <= c.start && c.end <= s.tokEnd, `clause ${c.i} within sentence ${c.sent}`);
      assert.ok(c.start <= c.vgStart && c.vgEnd <= c.end, `clause ${c.i} covers its verb group`);
      if (c.parent !== undefined)
        assert.ok(c.parent !== c.i && doc.clauses[c.parent]!.sent === c.sent, 'parent in the same sentence');
    }
  });
});
