import type { TallyEvent, Topics } from '@tally/events';
import type { MessageBus } from '@tally/messaging';
import type { Logger } from 'pino';
import type { ClosedPeriodStore } from '../domain/ports';
import type { ClosedPeriod } from '../domain/types';

/** The user subgraph's consumer group of the settlement topic. */
export const closedPeriodsGroupId = (groupPrefix: string) =>
  `${groupPrefix}.user.closed-periods.v1`;

/**
 * Keeps the periods settlement has closed (PeriodClosed), so `subscribePlan` refuses them
 * before their scheduled close too. Storing is an idempotent upsert by period.
 */
export function createClosedPeriodsConsumer(deps: {
  bus: MessageBus;
  groupPrefix: string;
  topics: Topics;
  closedPeriods: Pick<ClosedPeriodStore, 'remember'>;
  logger: Logger;
}) {
  return deps.bus.consume({
    groupId: closedPeriodsGroupId(deps.groupPrefix),
    topics: [deps.topics.settlement],
    deadLetterTopic: deps.topics.deadLetter,
    logger: deps.logger,
    apply: (events) => deps.closedPeriods.remember(events.flatMap(closedPeriodOf)),
  });
}

function closedPeriodOf(event: TallyEvent): ClosedPeriod[] {
  if (event.type !== 'PeriodClosed') return [];
  const { data } = event;
  return [
    {
      period: data.period,
      cutoff: new Date(data.cutoff),
      closedAt: new Date(data.closedAt),
      invoices: data.invoices,
    },
  ];
}
