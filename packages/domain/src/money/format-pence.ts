/** Format integer pence as pounds sterling: 470560 -> "£4,705.60"; wholePounds -> "£4,706". */
export function formatPence(pence: number, options: { wholePounds?: boolean } = {}): string {
  if (!Number.isInteger(pence)) throw new RangeError(`Money must be whole pence, got ${pence}`);
  const negative = pence < 0;
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const pennies = abs % 100;
  const poundsText = pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = options.wholePounds && pennies === 0 ? `£${poundsText}` : `£${poundsText}.${pennies.toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
