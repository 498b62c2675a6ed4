/** Won, with thousands separators: 30,000 won. */
export const won = (n: number) => `${n.toLocaleString('en-US')} won`;

/** An adjustment's amount, signed: +2,000 won, -500 won, 0 won. */
export const signedWon = (n: number) => (n > 0 ? `+${won(n)}` : won(n));

/** Usage totals in a few words, leaving out what is zero: "100 MB, 20 SMS". */
export function usageWords(u: { dataMb: number; voiceSeconds: number; smsCount: number }): string {
  const parts = [
    u.dataMb && `${u.dataMb} MB`,
    u.voiceSeconds && `${u.voiceSeconds} s voice`,
    u.smsCount && `${u.smsCount} SMS`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no usage';
}
