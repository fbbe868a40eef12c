/**
 * How alike two steps look: token similarity of their names, sameness of their performers, closeness
 * of their positions. Used by {@link matchSteps}; all scores are in [0, 1].
 */
import type { Performer, Step } from '@tthc/core';
import { foldVietnamese, type UnitNameOptions, unitKey } from '../normalize.js';
import { parsePerformer } from '../steps.js';

/**
 * Words of a text for comparison: NFC, lower case, split on anything that is not a letter or digit.
 * Diacritics are kept unless `folded`, because in Vietnamese they tell words apart ("chờ" wait,
 * "cho" for).
 * @example nameTokens('Thẩm định hồ sơ, trình ký') // ['thẩm', 'định', 'hồ', 'sơ', 'trình', 'ký']
 */
export function nameTokens(text: string, options: { readonly folded?: boolean } = {}): string[] {
  const t = options.folded ? foldVietnamese(text) : text.normalize('NFC').toLowerCase();
  return t.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function hasDiacritics(text: string): boolean {
  return foldVietnamese(text) !== text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

// Matching compares every step with every candidate: each name's token set is computed once.
interface NameInfo {
  readonly diacritics: boolean;
  readonly tokens: ReadonlySet<string>;
  readonly foldedTokens: ReadonlySet<string>;
}
const NAME_MEMO_LIMIT = 20_000;
const names = new Map<string, NameInfo>();

function nameInfo(text: string): NameInfo {
  let info = names.get(text);
  if (info === undefined) {
    info = {
      diacritics: hasDiacritics(text),
      tokens: new Set(nameTokens(text)),
      foldedTokens: new Set(nameTokens(text, { folded: true })),
    };
    if (names.size >= NAME_MEMO_LIMIT) names.clear();
    names.set(text, info);
  }
  return info;
}

function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const dice = (2 * common) / (a.size + b.size);
  // Overlap coefficient: a portal's short "Tiếp nhận hồ sơ" is contained in the ISO table's long
  // sentence; Dice alone would call them unrelated.
  const overlap = common / Math.min(a.size, b.size);
  return (dice + overlap) / 2;
}

/**
 * Similarity of two step names in [0, 1]: the mean of the token Dice coefficient and the overlap
 * coefficient. Names are compared with diacritics when both have them, folded when one of them was
 * written without (older software strips them).
 * @example nameSimilarity('Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ, kiểm tra tính hợp lệ') // ≈ 0.8
 */
export function nameSimilarity(a: string, b: string): number {
  return infoSimilarity(nameInfo(a), nameInfo(b));
}

function infoSimilarity(ia: NameInfo, ib: NameInfo): number {
  const folded = !ia.diacritics || !ib.diacritics;
  return folded ? setSimilarity(ia.foldedTokens, ib.foldedTokens) : setSimilarity(ia.tokens, ib.tokens);
}

/** What scoring needs of one step, worked out once per step rather than once per candidate pair. Internal. */
export interface StepFacts {
  readonly name: NameInfo;
  readonly unit: string;
  readonly role: string;
}

/**
 * The {@link StepFacts} of a step.
 * @example const facts = stepFacts(process.steps[0], {});
 */
export function stepFacts(step: Step, options: UnitNameOptions = {}): StepFacts {
  const performer = performerParts(step.performer, options);
  return {
    name: nameInfo(step.name),
    unit: unitKey(performer.unit, options),
    role: foldVietnamese(performer.role),
  };
}

/**
 * A performer with the unit its role names moved into the unit, as an e-ISO "Trách nhiệm" text is
 * read: a portal's group "Công chức BPTN&TKQ" working in "UBND xã A" is the "Công chức" of
 * "BPTN&TKQ". Systems store the same post either way; comparing the parts keeps that from being a
 * performer change. A role that names no unit is returned as it is.
 * @example performerParts({ role: 'Công chức BPTN&TKQ', unit: 'UBND xã A' }) // { role: 'Công chức', unit: 'BPTN&TKQ' }
 */
export function performerParts(performer: Performer, options: UnitNameOptions = {}): Performer {
  return parsePerformer(performer.role, { ...options, agency: performer.unit });
}

/**
 * Same performer: the same unit (aliases resolved) and the same role, after {@link performerParts}.
 * @example samePerformer({ role: 'Công chức BPTN&TKQ', unit: 'UBND xã A' }, { role: 'Công chức', unit: 'BPTN&TKQ' }) // true
 */
export function samePerformer(a: Performer, b: Performer, options: UnitNameOptions = {}): boolean {
  const [x, y] = [performerParts(a, options), performerParts(b, options)];
  return unitKey(x.unit, options) === unitKey(y.unit, options) && sameRole(x.role, y.role);
}

/**
 * {@link nameSimilarity} of two steps from their facts (the same number).
 * @example factsNameSimilarity(stepFacts(a), stepFacts(b))
 */
export function factsNameSimilarity(a: StepFacts, b: StepFacts): number {
  return infoSimilarity(a.name, b.name);
}

/**
 * {@link performerSimilarity} of two steps from their facts (the same number).
 * @example factsPerformerSimilarity(stepFacts(a), stepFacts(b))
 */
export function factsPerformerSimilarity(a: StepFacts, b: StepFacts): number {
  return (a.unit === b.unit ? 0.5 : 0) + (a.role === b.role ? 0.5 : 0);
}

/**
 * Same role after folding (case, diacritics, spacing): "Công chức" = "công chức".
 * @example sameRole('Lãnh đạo UBND xã', 'lãnh đạo  UBND xã') // true
 */
export function sameRole(a: string, b: string): boolean {
  return foldVietnamese(a) === foldVietnamese(b);
}

/**
 * Performer similarity: 0.5 for the same unit (aliases resolved), 0.5 for the same role.
 * @example performerSimilarity({ unit: 'Bộ phận TN&TKQ', role: 'Công chức' }, { unit: 'Bộ phận Một cửa', role: 'Công chức' }) // 1
 */
export function performerSimilarity(a: Performer, b: Performer, options: UnitNameOptions = {}): number {
  const [x, y] = [performerParts(a, options), performerParts(b, options)];
  return (unitKey(x.unit, options) === unitKey(y.unit, options) ? 0.5 : 0) + (sameRole(x.role, y.role) ? 0.5 : 0);
}

/**
 * Closeness of two positions in lists of different lengths: 1 − the distance of their relative
 * positions (first = 0, last = 1).
 * @example positionSimilarity(0, 5, 0, 3) // 1
 */
export function positionSimilarity(i: number, na: number, j: number, nb: number): number {
  const ra = na <= 1 ? 0 : i / (na - 1);
  const rb = nb <= 1 ? 0 : j / (nb - 1);
  return 1 - Math.abs(ra - rb);
}
