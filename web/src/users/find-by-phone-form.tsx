import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { submitHandler } from '../components/submit-handler';
import { UserByPhoneDocument } from '../generated/operations';
import { navigate } from '../routing/use-route';

export function FindByPhoneForm() {
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  // A lookup on demand, so it runs like a mutation: when the form is sent.
  const find = useMutation(UserByPhoneDocument);

  async function submit() {
    setMissing(null);
    const data = await find.run({ phone });
    if (data?.userByPhone) navigate({ page: 'user', userId: data.userByPhone.id });
    else if (data) setMissing(`No user has the phone ${phone}.`);
  }

  return (
    <form className="card" onSubmit={submitHandler(submit)} aria-label="Find a user">
      <h2>Find a user</h2>
      <Field label="Phone" hint="010-1234-5678, 01012345678 or +821012345678">
        <input value={phone} onChange={(e) => setPhone(e.target.value)} required />
      </Field>
      <button type="submit" disabled={find.running}>
        Find
      </button>
      <ErrorMessage error={find.error} />
      <Notice text={missing} />
    </form>
  );
}
