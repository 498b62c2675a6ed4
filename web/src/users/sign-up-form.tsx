import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { submitHandler } from '../components/submit-handler';
import { SignUpDocument } from '../generated/operations';
import { navigate } from '../routing/use-route';

export function SignUpForm() {
  const [form, setForm] = useState({ name: '', phone: '', email: '' });
  const signUp = useMutation(SignUpDocument);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function submit() {
    const data = await signUp.run({
      input: { name: form.name, phone: form.phone, email: form.email || null },
    });
    if (data) navigate({ page: 'user', userId: data.signUp.id });
  }

  return (
    <form className="card" onSubmit={submitHandler(submit)} aria-label="Sign up a user">
      <h2>Sign up a user</h2>
      <Field label="Name">
        <input value={form.name} onChange={set('name')} required />
      </Field>
      <Field label="Phone">
        <input value={form.phone} onChange={set('phone')} required placeholder="010-1234-5678" />
      </Field>
      <Field label="Email" hint="optional">
        <input type="email" value={form.email} onChange={set('email')} />
      </Field>
      <button type="submit" disabled={signUp.running}>
        Sign up
      </button>
      <ErrorMessage error={signUp.error} />
    </form>
  );
}
