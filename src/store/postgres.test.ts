import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from './postgres.ts';
import { storeConformance } from './store.conformance.ts';

const url = process.env.RIPOSTE_TEST_PG;
if (!url && process.env.RIPOSTE_REQUIRE_PG) {
  describe('store conformance: postgres', () => {
    it('needs RIPOSTE_TEST_PG', () => {
      throw new Error(
        'RIPOSTE_REQUIRE_PG is set but RIPOSTE_TEST_PG is not: the PostgreSQL store was not tested',
      );
    });
  });
} else if (!url) {
  console.log(
    '# skipping the PostgreSQL store tests: RIPOSTE_TEST_PG is not set (source .ci/pg.sh to start a local server)',
  );
  describe('store conformance: postgres', () => {
    it('needs RIPOSTE_TEST_PG', { skip: 'RIPOSTE_TEST_PG is not set' }, () => {});
  });
} else {
  // every store gets its own schema, dropped at the end
  const run = `t${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  after(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await c.end();
  });
  storeConformance('postgres', () => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    return openPostgresStore(url, { schema });
  });
}
