/**
 * PLOVER type of a coded event (ploverOfEvent in src/coder/events.ts): an action announced for the future is the
 * commitment (AGREE) or the threat (THREATEN) it expresses; a purpose or an attempt keeps the action's own type.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Modality } from '../core/types.ts';
import { ploverOf } from '../ontology/cameo.ts';
import { ploverOfEvent } from './events.ts';

describe('PLOVER type of an event by its modality', () => {
  const rows: [code: string, modality: Modality, why: string, want: string][] = [
    ['042', 'intended', 'future "will"', 'AGREE'], // "the minister will visit Oslo"
    ['071', 'intended', 'reported future "would"', 'AGREE'], // "said it would give a grant"
    ['0841', 'intended', 'governed by "promised"', 'AGREE'], // "promised to free the hostages"
    ['040', 'intended', 'governed by "be ready" (data/modality.txt:120)', 'AGREE'], // "is ready to host talks"
    ['191', 'intended', 'future "will"', 'THREATEN'], // "the navy will blockade the port"
    ['190', 'intended', 'governed by "sworn"', 'THREATEN'], // "the rebels have sworn to fight on"
    ['1723', 'intended', 'governed by "plans"', 'THREATEN'], // "the army plans to impose a curfew"
    ['042', 'asserted', '', 'CONSULT'], // "the minister visited Oslo"
    ['0863', 'intended', 'purpose of "opened"', 'RETREAT'], // "opened the border to allow aid in"
    ['170', 'intended', 'governed by "tried"', 'COERCE'], // an attempt is no announcement
    ['190', 'hypothetical', 'condition "if"', 'ASSAULT'],
    ['036', 'intended', 'future "will"', 'AGREE'], // already an intent
    ['138', 'intended', 'future "will"', 'THREATEN'], // already a threat
    ['010', 'intended', 'future "will"', 'NONE'], // statements have no PLOVER type
    ['191', 'intended', 'dated after publication (2024-05-02)', 'THREATEN'],
    ['163', 'asserted', '', 'SANCTION'], // "the EU imposed sanctions on Iran"
    ['163', 'intended', 'future "will"', 'THREATEN'], // "the EU will impose sanctions"
    ['0831', 'asserted', '', 'RETREAT'], // "the prime minister resigned"
    ['0831', 'intended', 'future "will"', 'AGREE'], // "the prime minister will resign"
    ['0831', 'hypothetical', 'condition "if"', 'CONCEDE'], // the crosswalk's reading
  ];
  for (const [code, modality, why, want] of rows) {
    test(`${code} ${modality} (${why || 'no reason'}) → ${want}`, () => {
      assert.equal(ploverOfEvent(code, ploverOf(code), modality, why).event, want);
    });
  }
});
