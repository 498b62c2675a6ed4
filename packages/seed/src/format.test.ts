import { signedWon, usageWords, won } from './format';

describe('seed output', () => {
  it('writes won with separators and adjustments signed', () => {
    expect(won(1234567)).toBe('1,234,567 won');
    expect(signedWon(2000)).toBe('+2,000 won');
    expect(signedWon(-500)).toBe('-500 won');
    expect(signedWon(0)).toBe('0 won');
  });
  it('names only the usage there is', () => {
    expect(usageWords({ dataMb: 100, voiceSeconds: 0, smsCount: 2 })).toBe('100 MB, 2 SMS');
    expect(usageWords({ dataMb: 0, voiceSeconds: 0, smsCount: 0 })).toBe('no usage');
  });
});
