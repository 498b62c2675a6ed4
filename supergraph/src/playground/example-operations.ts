/** One GraphiQL tab: an operation and the variables it needs. */
export interface ExampleTab {
  query: string;
  variables: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** "YYYY-MM" of the month before `now` (UTC): usage there is never in the future. */
export function previousPeriod(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** The main flows, in the order one tries them; dates fall in the previous month. */
export function exampleTabs(now = new Date()): ExampleTab[] {
  const period = previousPeriod(now);
  const userId = 'paste the id signUp returned';
  return [
    {
      query: `# 1. Sign up a user. Phones: 010-1234-5678, 01012345678 or +821012345678.
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    id
    name
    phone
    email
    createdAt
  }
}`,
      variables: json({
        input: { name: 'Kim Minji', phone: '010-1234-5678', email: 'minji@example.com' },
      }),
    },
    {
      query: `# 2. Create a plan (plans are immutable; null allowance = unlimited).
mutation CreatePlan($input: CreatePlanInput!) {
  createPlan(input: $input) {
    id
    name
    monthlyFee
    allowance { dataMb voiceSeconds smsCount }
    overageRate { perMb perVoiceSecond perSms }
  }
}`,
      variables: json({
        input: {
          id: 'BASIC-30',
          name: 'Basic 30',
          monthlyFee: 30000,
          allowance: { dataMb: 1000, voiceSeconds: 6000, smsCount: 100 },
          overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
        },
      }),
    },
    {
      query: `# 3. Subscribe the user to a plan from a moment on (default: now).
mutation SubscribePlan($input: SubscribePlanInput!) {
  subscribePlan(input: $input) {
    id
    effectiveAt
    plan { id name }
    user { id name plan { id } }
  }
}`,
      variables: json({
        input: { userId, planId: 'BASIC-30', effectiveAt: `${period}-01T00:00:00+09:00` },
      }),
    },
    {
      query: `# 4. Record one usage; the id is your idempotency key.
mutation RecordUsage($input: RecordUsageInput!) {
  recordUsage(input: $input) {
    id
    type
    amount
    occurredAt
    recordedAt
  }
}`,
      variables: json({
        input: {
          id: `usage-${period}-1`,
          userId,
          type: 'DATA',
          amount: 600,
          occurredAt: `${period}-05T10:00:00+09:00`,
        },
      }),
    },
    {
      query: `# 5. Record a batch: each item stands alone, bad ones come back in rejected.
mutation RecordUsages($input: [RecordUsageInput!]!) {
  recordUsages(input: $input) {
    accepted
    duplicates
    rejected { index id code message }
  }
}`,
      variables: json({
        input: [
          {
            id: `usage-${period}-2`,
            userId,
            type: 'DATA',
            amount: 600,
            occurredAt: `${period}-12T21:30:00+09:00`,
          },
          {
            id: `usage-${period}-3`,
            userId,
            type: 'VOICE',
            amount: 100,
            occurredAt: `${period}-14T08:00:00+09:00`,
          },
          {
            id: `usage-${period}-4`,
            userId,
            type: 'SMS',
            amount: 5,
            occurredAt: `${period}-20T19:45:00+09:00`,
          },
        ],
      }),
    },
    {
      query: `# 6. A user's bill of a month with one line per plan (settled asynchronously).
query UserBill($userId: ID!, $period: String!) {
  user(id: $userId) {
    name
    plan { id name }
    usageSummary(period: $period) { dataMb voiceSeconds smsCount records }
    bill(period: $period) {
      total
      baseFee
      overageCharge
      usage { dataMb voiceSeconds smsCount }
      unratedUsage { dataMb voiceSeconds smsCount }
      lines {
        plan { id name }
        days
        baseFee
        allowance { dataMb voiceSeconds smsCount }
        usage { dataMb voiceSeconds smsCount }
        overage { dataMb voiceSeconds smsCount }
        overageCharge
      }
      eventsApplied
      updatedAt
    }
  }
}`,
      variables: json({ userId, period }),
    },
    {
      query: `# 7. Users, a page at a time: pass pageInfo.endCursor as "after" for the next page.
query UsersPage($first: Int, $after: String) {
  users(first: $first, after: $after) {
    edges {
      cursor
      node { id name phone plan { id } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
      variables: json({ first: 20, after: null }),
    },
  ];
}
