/**
 * CAMEO event codes as facts: names, Goldstein values, quad classes (GDELT, ICEWS and Phoenix conventions) and
 * the PLOVER event/mode each maps to. Data in data/ontology/cameo.json (regenerate with scripts/build-ontology.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QuadConvention } from '../core/types.ts';

export interface CameoCodeInfo {
  code: string;
  level: number;
  root: string;
  name: string;
  goldstein: number;
  goldsteinIcews: number | null;
  quad: { gdelt: number | null; icews: number | null; phoenix: number | null };
  plover: { event: string; mode?: string } | null;
}

const FILE = fileURLToPath(new URL('../../data/ontology/cameo.json', import.meta.url));

let table: Map<string, CameoCodeInfo> | null = null;

export function cameoTable(): Map<string, CameoCodeInfo> {
  if (!table) {
    const data = JSON.parse(readFileSync(FILE, 'utf8')) as { codes: CameoCodeInfo[] };
    table = new Map(data.codes.map((c) => [c.code, c]));
  }
  return table;
}

export function isCameoCode(code: string): boolean {
  return cameoTable().has(code);
}

export function cameoInfo(code: string): CameoCodeInfo | undefined {
  return cameoTable().get(code);
}

/** Root-level quad classes where a code row leaves one blank (GDELT: 01–05→1, 06–09→2, 10–14→3, 15–20→4). */
function rootQuad(root: number, convention: QuadConvention): number {
  if (convention === 'gdelt') return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
  if (convention === 'icews') return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
  // Phoenix penta: 0 statements/appeals, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root === 16) return 3;
  return 4;
}

export function quadClass(code: string, convention: QuadConvention = 'gdelt'): number {
  const info = cameoInfo(code);
  const q = info?.quad[convention];
  return q ?? rootQuad(Number(code.slice(0, 2)), convention);
}

/** PLOVER event for a CAMEO code; PLOVER drops CAMEO 01 (statements) and 02 (appeals): those map to "NONE". */
export function ploverOf(code: string): { event: string; mode?: string } {
  const info = cameoInfo(code);
  if (info?.plover) return info.plover.mode ? { ...info.plover } : { event: info.plover.event };
  return { event: 'NONE' };
}

export interface CodedAction {
  code: string;
  root: string;
  goldstein: number;
  quad: number;
  plover: { event: string; mode?: string };
  name: string;
}

export function describeCode(code: string, convention: QuadConvention = 'gdelt'): CodedAction | undefined {
  const info = cameoInfo(code);
  if (!info) return undefined;
  return {
    code,
    root: info.root,
    goldstein: convention === 'icews' && info.goldsteinIcews !== null ? info.goldsteinIcews : info.goldstein,
    quad: quadClass(code, convention),
    plover: ploverOf(code),
    name: info.name,
  };
}
