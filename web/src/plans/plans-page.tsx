import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { PlansDocument } from '../generated/operations';
import { CreatePlanForm } from './create-plan-form';
import { PlansTable } from './plans-table';

export function PlansPage() {
  const plans = useQuery(PlansDocument, {});
  return (
    <>
      <h1>Plans</h1>
      <section>
        <h2>All plans</h2>
        <ErrorMessage error={plans.error} />
        {plans.loading && !plans.data && <p className="muted">Loading plans…</p>}
        {plans.data && <PlansTable plans={plans.data.plans} />}
      </section>
      <CreatePlanForm onCreated={plans.refetch} />
    </>
  );
}
