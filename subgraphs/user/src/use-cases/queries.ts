import { pageSize } from '@tally/service-kit';
import { normalisePhone } from '../domain/phone';
import type { ReadDeps } from './deps';

/** The reads that are not by id (those go through the loaders). */
export function makeQueries(deps: ReadDeps) {
  return {
    userByPhone: (phone: string) => deps.users.byPhone(normalisePhone(phone)),
    usersPage: (first: number | null | undefined, after?: string | null) =>
      deps.users.page(pageSize(first, 20), after),
    plans: () => deps.plans.all(),
  };
}

export type Queries = ReturnType<typeof makeQueries>;
