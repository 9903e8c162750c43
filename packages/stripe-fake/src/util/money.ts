const SYMBOLS: Record<string, string> = { gbp: '£', usd: '$', eur: '€' };

/** `1099, 'gbp'` → `£10.99` (two-decimal currencies, as used by the fake). */
export function formatMoney(amount: number, currency: string): string {
  const symbol = SYMBOLS[currency.toLowerCase()];
  const value = (amount / 100).toFixed(2);
  return symbol ? `${symbol}${value}` : `${value} ${currency.toUpperCase()}`;
}
