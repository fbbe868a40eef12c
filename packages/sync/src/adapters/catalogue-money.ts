/**
 * Money in the national catalogue: PHILEPHI.DONVI names the currency of SOTIEN. Most fees are in
 * đồng, some are set in foreign currency (consular and visa fees: Thông tư 264/2016/TT-BTC sets them
 * in USD), so 145 USD is never read as 145 VND.
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[\s.-]+/g, ' ')
    .trim();

/** Currency wording → ISO 4217 code (folded: no diacritics, lower case). */
const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['dong', 'VND'],
  ['dong viet nam', 'VND'],
  ['viet nam dong', 'VND'],
  ['vnd', 'VND'],
  ['vn dong', 'VND'],
  ['d', 'VND'],
  ['usd', 'USD'],
  ['do la my', 'USD'],
  ['do la', 'USD'],
  ['dola my', 'USD'],
  ['us dollar', 'USD'],
  ['$', 'USD'],
  ['eur', 'EUR'],
  ['euro', 'EUR'],
]);

/**
 * The ISO 4217 code of a DONVI text: absent or empty → VND (the catalogue's default unit), a known
 * wording → its code, a bare 3-letter code → itself; `undefined` when the text names no currency.
 * @example
 * readCurrency('Đồng') // 'VND'
 * readCurrency('Đô la Mỹ') // 'USD'
 * readCurrency(undefined) // 'VND'
 */
export function readCurrency(text: string | null | undefined): string | undefined {
  if (text === undefined || text === null || text.trim() === '') return 'VND';
  const key = fold(text);
  const known = CURRENCIES.get(key);
  if (known) return known;
  return /^[A-Z]{3}$/.test(text.trim()) ? text.trim() : undefined;
}

/**
 * DONVI text for a currency code: "Đồng" for VND (as the catalogue writes it), the code otherwise.
 * @example writeCurrency('VND') // 'Đồng'
 */
export function writeCurrency(code: string): string {
  return code === 'VND' ? 'Đồng' : code;
}
