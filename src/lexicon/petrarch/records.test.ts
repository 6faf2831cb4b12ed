import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRiposteError } from '../../core/errors.ts';
import { parseIsBalanced, parsePetrarchRecords, recordDate } from './records.ts';

const XML = `<Validation>
<!-- header <Sentence id="not-a-record"> -->
<Environment>
  <Verbfile>V.verbs.txt</Verbfile>
  <Actorfile>A.actors.txt</Actorfile>
  <Include>valid DEMO ERROR</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
<Text>
Arnor will restore ties with
Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20080801" id ='DEMO-00'  category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
<Parse>
</Parse>
</Sentence>
<Sentence date="19950101" id="ERROR-02" category="ERROR">
<EventCoding error="bad_input_parse"/>
<Text>X.</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950101" id="AFTER-STOP"><Text>Y.</Text></Sentence>
</Sentences>
</Validation>`;

describe('PETRARCH XML records', () => {
  const { records, environment } = parsePetrarchRecords(XML, 'fx.xml');
  it('reads the environment', () => {
    assert.deepEqual(environment, {
      verbfile: 'V.verbs.txt',
      actorfile: 'A.actors.txt',
      include: ['valid', 'DEMO', 'ERROR'],
    });
  });
  it('reads sentences, gold codings, dates, parses and config', () => {
    assert.equal(records.length, 3);
    const [a, b, c] = records;
    assert.deepEqual(a!.doc, {
      id: 'DEMO-00',
      text: 'Arnor will restore ties with Gondor & Rohan.',
      date: '1995-01-01',
    });
    assert.equal(a!.expected.length, 2);
    assert.equal(a!.parse, '(ROOT (S (NP (NNP Arnor))))');
    assert.equal(a!.line, 9);
    assert.deepEqual(a!.config, {});
    // duplicate ids get a suffix in the DocInput; the record keeps the id as written
    assert.equal(b!.id, 'DEMO-00');
    assert.equal(b!.doc.id, 'DEMO-00#2');
    assert.equal(b!.doc.date, '2008-08-01');
    assert.equal(b!.noEvents, true);
    assert.equal(b!.parse, undefined);
    assert.deepEqual(b!.config, { require_dyad: 'false' });
    assert.equal(c!.expectedError, 'bad_input_parse');
  });
  it('stops at <Stop>', () => {
    assert.ok(!records.some((r) => r.id === 'AFTER-STOP'));
  });
  it('names the line of a bad record', () => {
    assert.throws(
      () =>
        parsePetrarchRecords(
          '<Sentences>\n\n<Sentence date="1995" id="X"><Text>a</Text></Sentence>',
          'b.xml',
        ),
      (e: unknown) => isRiposteError(e) && e.message.startsWith('b.xml:3: expected a date written YYYYMMDD'),
    );
    assert.throws(
      () => parsePetrarchRecords('<Sentence id="X" date="19950101"></Sentence>', 'b.xml'),
      /b\.xml:1: expected <Text>/,
    );
  });
  it('converts dates and checks parses', () => {
    assert.equal(recordDate('20080804'), '2008-08-04');
    assert.equal(recordDate('2008-08-04'), '2008-08-04');
    assert.equal(recordDate('2008084'), null);
    assert.equal(parseIsBalanced('(A (B))'), true);
    assert.equal(parseIsBalanced('(A (B)'), false);
    assert.equal(parseIsBalanced('(A))('), false);
  });
});
