const WON = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KRW' });

/** Whole won, e.g. ₩34,000. */
export const formatWon = (amount: number): string => WON.format(amount);
