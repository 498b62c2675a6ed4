import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { submitHandler } from '../components/submit-handler';
import { localInputToIso, toLocalInput } from '../format/dates';
import { formatAmount, USAGE_TYPES, usageTypeLabel } from '../format/usage';
import { RecordUsageDocument, type UsageType } from '../generated/operations';

/**
 * A new idempotency key per record: kept until the record is accepted, so sending the same
 * form again after a lost answer cannot count the usage twice.
 */
const newUsageId = () => `console-${crypto.randomUUID()}`;

export function RecordUsageForm({
  userId,
  onRecorded,
}: {
  userId: string;
  onRecorded: () => void;
}) {
  const [usageId, setUsageId] = useState(newUsageId);
  const [type, setType] = useState<UsageType>('DATA');
  const [amount, setAmount] = useState('');
  const [occurredAt, setOccurredAt] = useState(() => toLocalInput(new Date()));
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation(RecordUsageDocument);

  async function submit() {
    setDone(null);
    const data = await record.run({
      input: {
        id: usageId,
        userId,
        type,
        amount: Number(amount),
        occurredAt: localInputToIso(occurredAt) ?? '',
      },
    });
    if (!data) return;
    setDone(`Recorded ${formatAmount(type, Number(amount))} at ${occurredAt.replace('T', ' ')}.`);
    setUsageId(newUsageId());
    setAmount('');
    onRecorded();
  }

  return (
    <form className="card" onSubmit={submitHandler(submit)} aria-label="Record usage">
      <h2>Record usage</h2>
      <Field label="Type">
        <select value={type} onChange={(e) => setType(e.target.value as UsageType)}>
          {USAGE_TYPES.map((t) => (
            <option key={t} value={t}>
              {usageTypeLabel(t)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Amount">
        <input
          type="number"
          min={1}
          step={1}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          required
        />
      </Field>
      <Field label="Occurred at" hint="Not more than 5 minutes from now.">
        <input
          type="datetime-local"
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.target.value)}
          required
        />
      </Field>
      <button type="submit" disabled={record.running}>
        Record
      </button>
      <ErrorMessage error={record.error} />
      <Notice text={done} />
    </form>
  );
}
