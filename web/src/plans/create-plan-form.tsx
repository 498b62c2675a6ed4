import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { submitHandler } from '../components/submit-handler';
import { CreatePlanDocument } from '../generated/operations';

const EMPTY = {
  id: '',
  name: '',
  monthlyFee: '',
  dataMb: '',
  voiceSeconds: '',
  smsCount: '',
  perMb: '',
  perVoiceSecond: '',
  perSms: '',
};
type PlanForm = typeof EMPTY;

/** A blank allowance means unlimited (null). */
const allowance = (value: string) => (value.trim() === '' ? null : Number(value));

export function CreatePlanForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const createPlan = useMutation(CreatePlanDocument);
  const number = (key: keyof PlanForm, required = true) => ({
    type: 'number',
    min: 0,
    step: 1,
    required,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function submit() {
    setCreated(null);
    const data = await createPlan.run({
      input: {
        id: form.id.trim(),
        name: form.name,
        monthlyFee: Number(form.monthlyFee),
        allowance: {
          dataMb: allowance(form.dataMb),
          voiceSeconds: allowance(form.voiceSeconds),
          smsCount: allowance(form.smsCount),
        },
        overageRate: {
          perMb: Number(form.perMb),
          perVoiceSecond: Number(form.perVoiceSecond),
          perSms: Number(form.perSms),
        },
      },
    });
    if (!data) return;
    setCreated(`Plan ${data.createPlan.id} created.`);
    setForm(EMPTY);
    onCreated();
  }

  return (
    <form className="card" onSubmit={submitHandler(submit)} aria-label="Create a plan">
      <h2>Create a plan</h2>
      <p className="muted">Plans never change once created; make a new one instead.</p>
      <div className="columns">
        <Field label="Plan id" hint="e.g. BASIC-30">
          <input
            value={form.id}
            onChange={(e) => setForm({ ...form, id: e.target.value })}
            required
          />
        </Field>
        <Field label="Plan name">
          <input
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            required
          />
        </Field>
        <Field label="Monthly fee (won)">
          <input {...number('monthlyFee')} />
        </Field>
      </div>
      <fieldset>
        <legend>Allowance per month (blank = unlimited)</legend>
        <Field label="Data (MB)">
          <input {...number('dataMb', false)} placeholder="unlimited" />
        </Field>
        <Field label="Voice (seconds)">
          <input {...number('voiceSeconds', false)} placeholder="unlimited" />
        </Field>
        <Field label="SMS (messages)">
          <input {...number('smsCount', false)} placeholder="unlimited" />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Overage rates (won per unit)</legend>
        <Field label="Per MB">
          <input {...number('perMb')} />
        </Field>
        <Field label="Per voice second">
          <input {...number('perVoiceSecond')} />
        </Field>
        <Field label="Per SMS">
          <input {...number('perSms')} />
        </Field>
      </fieldset>
      <button type="submit" disabled={createPlan.running}>
        Create plan
      </button>
      <ErrorMessage error={createPlan.error} />
      <Notice text={created} />
    </form>
  );
}
