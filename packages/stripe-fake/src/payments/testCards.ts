/** Stripe's documented test cards that the fake understands. */
export interface TestCard {
  brand: string;
  funding: 'credit' | 'debit' | 'prepaid' | 'unknown';
  country: string;
  /** Set for cards that are declined when charged. */
  decline?: Decline;
}

export interface Decline {
  code: string;
  declineCode?: string;
  message: string;
}

const GENERIC: Decline = { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' };

const CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', country: 'US' },
  '4000056655665556': { brand: 'visa', funding: 'debit', country: 'US' },
  '4000008260000000': { brand: 'visa', funding: 'credit', country: 'GB' },
  '4000058260000005': { brand: 'visa', funding: 'debit', country: 'GB' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', country: 'US' },
  '5200828282828210': { brand: 'mastercard', funding: 'debit', country: 'US' },
  '378282246310005': { brand: 'amex', funding: 'credit', country: 'US' },
  '4000000000000002': { brand: 'visa', funding: 'credit', country: 'US', decline: GENERIC },
  '4000000000009995': { brand: 'visa', funding: 'credit', country: 'US', decline: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' } },
  '4000000000009987': { brand: 'visa', funding: 'credit', country: 'US', decline: { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' } },
  '4000000000009979': { brand: 'visa', funding: 'credit', country: 'US', decline: { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' } },
  '4000000000000069': { brand: 'visa', funding: 'credit', country: 'US', decline: { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' } },
  '4000000000000127': { brand: 'visa', funding: 'credit', country: 'US', decline: { code: 'incorrect_cvc', declineCode: 'incorrect_cvc', message: "Your card's security code is incorrect." } },
  '4000000000000119': { brand: 'visa', funding: 'credit', country: 'US', decline: { code: 'processing_error', declineCode: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' } },
};

/** Stripe's test PaymentMethod ids (`pm_card_visa`…): using one creates a fresh PaymentMethod for that card. */
export const MAGIC_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_gb: '4000008260000000',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  tok_visa: '4242424242424242',
  tok_chargeDeclined: '4000000000000002',
};

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  return 'unknown';
}

/** The test card for a number, or a generic successful card for other Luhn-valid numbers; undefined if invalid. */
export function lookupCard(rawNumber: string): TestCard | undefined {
  const number = rawNumber.replace(/[\s-]/g, '');
  const known = CARDS[number];
  if (known) return known;
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) return undefined;
  return { brand: brandOf(number), funding: 'credit', country: 'US' };
}
