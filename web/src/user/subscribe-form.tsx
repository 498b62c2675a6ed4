import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { submitHandler } from '../components/submit-handler';
import { localInputToIso } from '../format/dates';
import { PlansDocument, SubscribePlanDocument } from '../generated/operations';
import { hrefOf } from '../routing/route';

export function SubscribeForm({
  userId,
  onSubscribed,
}: {
  userId: string;
  onSubscribed: () => void;
}) {
  const plans = useQuery(PlansDocument, {});
  const subscribe = useMutation(SubscribePlanDocument);
  const [planId, setPlanId] = useState('');
  const [effectiveAt, setEffectiveAt] = useState('');
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    setDone(null);
    const data = await subscribe.run({
      input: { userId, planId, effectiveAt: localInputToIso(effectiveAt) },
    });
    if (!data) return;
    setDone(`Subscribed to ${planId}.`);
    onSubscribed();
  }

  const options = plans.data?.plans ?? [];
  return (
    <form className="card" onSubmit={submitHandler(submit)} aria-label="Subscribe to a plan">
      <h2>Subscribe to a plan</h2>
      <ErrorMessage error={plans.error} />
      {plans.data && options.length === 0 && (
        <p className="muted">
          There are no plans yet. <a href={hrefOf({ page: 'plans' })}>Create one</a> first.
        </p>
      )}
      <Field label="Plan">
        <select value={planId} onChange={(e) => setPlanId(e.target.value)} required>
          <option value="">Choose a plan…</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} — {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="In force from" hint="Blank: now. May be in the past.">
        <input
          type="datetime-local"
          value={effectiveAt}
          onChange={(e) => setEffectiveAt(e.target.value)}
        />
      </Field>
      <button type="submit" disabled={subscribe.running}>
        Subscribe
      </button>
      <ErrorMessage error={subscribe.error} />
      <Notice text={done} />
    </form>
  );
}
