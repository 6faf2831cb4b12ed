/**
 * The event record and the annotation types shared by every layer.
 * The field names of {@link EventRecord} and {@link Actor} are a contract (issue #2): keep them, add freely.
 */
import { z } from 'zod';

/** ISO calendar date `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
export type IsoDate = string;

/** CAMEO event codes are strings: "010" is not "10". */
export const CameoCode = z.string().regex(/^\d{2,4}$/, 'a CAMEO event code of 2 to 4 digits');

export const MODALITIES = ['asserted', 'negated', 'intended', 'proposed', 'hypothetical'] as const;
export const Modality = z.enum(MODALITIES);
export type Modality = (typeof MODALITIES)[number];

export const ActorSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** full CAMEO actor code, e.g. "USAGOV", "RUS", "---REB" */
  code: z.string(),
  /** ISO-3/CAMEO country part, null for international or unknown */
  country: z.string().nullable(),
  /** CAMEO role types, e.g. ["GOV"], ["ELI"] */
  types: z.array(z.string()),
  /** canonical entity name when known ("Vladimir Putin") */
  name: z.string().optional(),
  /** dictionary entity id when known */
  id: z.string().optional(),
  /**
   * the whole noun phrase the actor is named in, when longer than the name itself: "West Bengal Chief Minister
   * Mamata Banerjee", "the police in the Gaza Strip" (character span)
   */
  phrase: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }).optional(),
  /** for a pronoun ("it", "they", "he"): the phrase it refers back to, "The Pentagon said **it** hit …" */
  antecedent: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const EvidenceSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  trigger: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }),
  /** the rule that fired, e.g. "verb:163 impose {sanction} on=T (data/verbs/coerce.txt:12)" */
  rule: z.string(),
  /** dictionary entries that fired: actor entry ids and verb pattern ids */
  entries: z.array(z.string()).optional(),
  /** sentence index in the document */
  sentence: z.number().int().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const QUAD_CONVENTIONS = ['gdelt', 'icews', 'phoenix'] as const;
export type QuadConvention = (typeof QUAD_CONVENTIONS)[number];

export const EventRecordSchema = z.object({
  id: z.string(),
  doc: z.string(),
  sentence: z.number().int().nonnegative(),
  date: IsoDate,
  dateSource: z.enum(['text', 'publication']),
  dateRange: z.tuple([IsoDate, IsoDate]).optional(),
  source: ActorSchema.nullable(),
  target: ActorSchema.nullable(),
  code: CameoCode,
  root: z.string().regex(/^\d{2}$/),
  goldstein: z.number(),
  quad: z.number().int().min(0).max(4),
  plover: z.object({ event: z.string(), mode: z.string().optional() }),
  modality: Modality,
  evidence: z.array(EvidenceSchema).min(1),
  quote: z
    .object({ start: z.number().int(), end: z.number().int(), speaker: ActorSchema.nullable() })
    .optional(),
  confidence: z.number().min(0).max(1),
  /** extra, not part of the minimal contract */
  codeName: z.string().optional(),
  /**
   * what the action is done to when that is not an actor, or besides the target actor: "rejected **the draft truce
   * resolution**", "launched airstrikes on **PKK targets**" (character span of the phrase)
   */
  object: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }).optional(),
  /** the stimulus→response link written in the text ("in response to", "in retaliation for") */
  inResponseTo: z.string().optional(),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

/** A document as it enters the pipeline. */
export const DocInputSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  date: IsoDate.optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
});
export type DocInput = z.infer<typeof DocInputSchema>;

export const QuoteSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  speaker: ActorSchema.nullable(),
  /** the attribution cue ("he said", "tweeted", "according to") */
  cue: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).optional(),
});
export type QuoteRecord = z.infer<typeof QuoteSchema>;

/** What `riposte annotate` prints. */
export interface Annotation {
  text: string;
  doc: { id: string; date: IsoDate; title?: string; url?: string };
  sentences: {
    start: number;
    end: number;
    text: string;
    date?: { date: IsoDate; range?: [IsoDate, IsoDate] };
  }[];
  mentions: Actor[];
  quotes: QuoteRecord[];
  events: EventRecord[];
}
