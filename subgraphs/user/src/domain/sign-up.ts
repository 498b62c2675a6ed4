import { DomainError } from '@tally/errors';
import { normalisePhone } from './phone';

export interface SignUpInput {
  name: string;
  phone: string;
  email?: string | null;
}

export interface ValidSignUp {
  name: string;
  phone: string;
  email: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// security.md, "Limits".
const MAX_NAME = 100;

export function validateSignUp(input: SignUpInput): ValidSignUp {
  const name = input.name.trim();
  if (!name) throw new DomainError('BAD_USER_INPUT', 'name must not be empty');
  if (name.length > MAX_NAME)
    throw new DomainError('BAD_USER_INPUT', `name must be at most ${MAX_NAME} characters`);
  const email = input.email?.trim() || null;
  if (email && !EMAIL.test(email))
    throw new DomainError('BAD_USER_INPUT', `not an email address: ${JSON.stringify(email)}`);
  return { name, phone: normalisePhone(input.phone), email };
}
