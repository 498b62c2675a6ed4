import { formatReport } from './report';

const scope = {
  mongoUrl: 'mongodb://127.0.0.1:27017',
  store: 'tally_usage.usage_records',
  backup: 'usage_backup.usage_records',
  period: '2026-10 (Asia/Seoul)',
};

describe('formatReport', () => {
  it('says OK with the counts when nothing differs', () => {
    const text = formatReport(
      {
        storeCount: 500,
        backupCount: 500,
        missing: { count: 0, first: [] },
        extra: { count: 0, first: [] },
        differing: { count: 0, first: [] },
      },
      scope,
    );
    expect(text).toContain('period 2026-10 (Asia/Seoul)');
    expect(text).toContain('usage store  tally_usage.usage_records   500 records');
    expect(text).toContain('backup       usage_backup.usage_records  500 records');
    expect(text.split('\n').pop()).toBe('OK: the backup holds exactly the usage store’s records.');
  });

  it('lists the first ids of each kind and how many more there are', () => {
    const text = formatReport(
      {
        storeCount: 10,
        backupCount: 8,
        missing: { count: 4, first: ['a', 'b'] },
        extra: { count: 2, first: ['x', 'y'] },
        differing: { count: 3, first: [{ id: 'm', fields: ['amount: 1 ≠ 2'] }] },
      },
      { ...scope, period: null },
    );
    expect(text).toContain('all records');
    expect(text).toContain('missing from the backup: 4\n    a, b, … 2 more');
    expect(text).toContain('only in the backup (restorable): 2\n    x, y\n');
    expect(text).toContain('differing: 3\n    m: amount: 1 ≠ 2\n    … 2 more');
    expect(text.split('\n').pop()).toBe('DIFFERENT: 4 missing, 2 only in the backup, 3 differing.');
  });
});
