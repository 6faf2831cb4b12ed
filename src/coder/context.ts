import type { QuadConvention } from '../core/types.ts';
import type { CompiledLexicon } from '../lexicon/compiled.ts';

/** What every coding stage may read: the compiled lexicon and the options of the run. */
export interface CoderContext {
  lex: CompiledLexicon;
  quad: QuadConvention;
  /** "riposte@0.1.0+native@abc123" */
  version: string;
}
