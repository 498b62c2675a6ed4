import { useQuery } from '../api/use-query';
import { useSession } from '../auth/use-session';
import { Allowed } from '../components/allowed';
import { ErrorMessage } from '../components/error-message';
import { PlansDocument } from '../generated/operations';
import { CreatePlanForm } from './create-plan-form';
import { PlansTable } from './plans-table';

export function PlansPage() {
  const plans = useQuery(PlansDocument, {});
  const canCreate = useSession().scopes.has('plans:write');
  return (
    <>
      <h1>Plans</h1>
      <section>
        <h2>All plans</h2>
        <ErrorMessage error={plans.error} />
        {plans.loading && !plans.data && <p className="muted">Loading plans…</p>}
        {plans.data && <PlansTable plans={plans.data.plans} canCreate={canCreate} />}
      </section>
      <Allowed scope="plans:write" action="Creating a plan">
        <CreatePlanForm onCreated={plans.refetch} />
      </Allowed>
    </>
  );
}
