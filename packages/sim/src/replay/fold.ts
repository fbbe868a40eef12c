/**
 * Folding of Vietnamese text for COMPARISON ONLY (activity names, roles, units, column headers):
 * the log and the process keep their text as written; replay compares folded forms.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Folds text for comparison: NFC, lower case (Vietnamese rules), diacritics stripped, đ → d, every
 * run of punctuation or white space turned into one space, trimmed. Never store the result.
 * @example foldText('  Thẩm định hồ sơ, kiểm tra TÊN ') // 'tham dinh ho so kiem tra ten'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/**
 * A memoised {@link foldText}: logs repeat the same few role, unit and activity strings millions of
 * times, so each distinct string is folded once.
 * @example const fold = foldCache(); fold('Chuyên viên') === fold('CHUYÊN VIÊN') // true
 */
export function foldCache(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = foldText(text);
      cache.set(text, folded);
    }
    return folded;
  };
}
