/** Money in the words Vietnamese documents use (fees, lệ phí). */

/**
 * An amount of money as Vietnamese documents write it: dong grouped by dots ("100.000 đ"), other
 * currencies with their code ("145 USD"); "miễn phí" for nothing to pay.
 * @example moneyText(100000, 'VND') // '100.000 đ'
 */
export function moneyText(amount: number, currency = 'VND'): string {
  if (amount === 0) return 'miễn phí';
  const [whole, frac] = String(amount).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const number = frac === undefined ? grouped : `${grouped},${frac}`;
  return currency === 'VND' ? `${number} đ` : `${number} ${currency}`;
}
