import type { FormEvent } from 'react';

/** A form's onSubmit: no page reload, and the async work runs (its errors are the form's state). */
export const submitHandler = (send: () => Promise<void>) => (event: FormEvent) => {
  event.preventDefault();
  void send();
};
