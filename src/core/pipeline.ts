/**
 * Stages and their order. A stage declares the annotation layers it requires and assigns (as spaCy components
 * do); `Pipeline` checks the declarations once, at construction, and runs stages in the order given.
 * The default order, with the reasons for it, lives in `src/coder/stages.ts`.
 */
import type { Doc } from './doc.ts';
import { fail, type RiposteError } from './errors.ts';
import { err, ok, type Result } from './result.ts';

export type Layer =
  | 'tokens'
  | 'sentences'
  | 'pos'
  | 'chunks'
  | 'clauses'
  | 'mentions'
  | 'coref'
  | 'quotes'
  | 'dates'
  | 'events';

export interface Stage<Ctx> {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly assigns: readonly Layer[];
  run(doc: Doc, ctx: Ctx): Result<void>;
}

export class Pipeline<Ctx> {
  readonly stages: readonly Stage<Ctx>[];

  private constructor(stages: readonly Stage<Ctx>[]) {
    this.stages = stages;
  }

  /** Validates that every required layer is assigned by an earlier stage. */
  static create<Ctx>(stages: readonly Stage<Ctx>[]): Result<Pipeline<Ctx>> {
    const have = new Set<Layer>();
    for (const s of stages) {
      for (const r of s.requires) if (!have.has(r)) return err(fail('E_PIPELINE_ORDER', s.name, r));
      for (const a of s.assigns) have.add(a);
    }
    return ok(new Pipeline(stages));
  }

  run(doc: Doc, ctx: Ctx): Result<Doc> {
    for (const s of this.stages) {
      let r: Result<void>;
      try {
        r = s.run(doc, ctx);
      } catch (e) {
        return err(fail('E_STAGE', s.name, e instanceof Error ? e.message : String(e)) as RiposteError);
      }
      if (!r.ok) return r;
      for (const a of s.assigns) doc.layers.add(a);
    }
    return ok(doc);
  }
}
