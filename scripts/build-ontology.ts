/**
 * Regenerates data/ontology/cameo.json — the CAMEO event codes as facts (code, names, Goldstein values, quad
 * classes under three conventions, PLOVER event and mode) — from the reference crosswalk in ../shared.
 * Run: npx tsx scripts/build-ontology.ts [path/to/cameo-merged-crosswalk.csv]
 * The product reads only data/ontology/cameo.json; ../shared is needed only to regenerate it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1);
}

const path = process.argv[2] ?? '../shared/reference/cameo/cameo-merged-crosswalk.csv';
const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
const col = (name: string) => {
  const i = header!.indexOf(name);
  if (i < 0) throw new Error(`expected a column "${name}" in ${path}, found ${header!.join(',')}`);
  return i;
};
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const codes = rows.map((r) => {
  const g = (n: string) => r[col(n)] ?? '';
  const name = g('name_cameo_1_1b3') || g('name_gdelt_lookup');
  return {
    code: g('code'),
    level: Number(g('level')),
    root: g('root'),
    name,
    goldstein: num(g('goldstein_gdelt')) ?? num(g('goldstein_icews_parus')) ?? 0,
    goldsteinIcews: num(g('goldstein_icews_parus')),
    quad: {
      gdelt: num(g('quadclass_gdelt')),
      icews: num(g('quad_icews_r_pkg')),
      phoenix: num(g('phoenix_penta')),
    },
    plover: g('plover_event') ? { event: g('plover_event'), mode: g('plover_mode') || undefined } : null,
  };
});
writeFileSync('data/ontology/cameo.json', `${JSON.stringify({ version: 'CAMEO 1.1b3', codes }, null, 1)}\n`);
console.log(`wrote data/ontology/cameo.json: ${codes.length} codes`);
