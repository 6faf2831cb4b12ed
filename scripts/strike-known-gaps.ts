/**
 * Strikes from test/golden/known-gaps.json every listed check the coder now meets. It never adds a check: a new
 * failure is a regression to fix, not a gap to record.
 * Run: npx tsx scripts/strike-known-gaps.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runGolden } from '../src/eval/golden.ts';
import { createCoder } from '../src/index.ts';

const file = 'test/golden/known-gaps.json';
const data = JSON.parse(readFileSync(file, 'utf8')) as { about: string; gaps: Record<string, string[]> };
const report = await runGolden(await createCoder());
const failing = new Map(
  report.docs.map((d) => [d.id, new Set(d.findings.filter((f) => !f.soft).map((f) => f.message))]),
);
let struck = 0;
for (const [id, list] of Object.entries(data.gaps)) {
  const keep = list.filter((m) => failing.get(id)?.has(m));
  struck += list.length - keep.length;
  if (keep.length) data.gaps[id] = keep;
  else delete data.gaps[id];
}
writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
const left = Object.values(data.gaps).flat().length;
console.log(`struck ${struck} known gaps; ${left} remain`);
