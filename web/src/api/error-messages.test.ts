import { describeError } from './error-messages';
import { ApiError } from './graphql-client';

const describe_ = (code: string, message = 'details') => describeError(new ApiError(code, message));

describe('describeError', () => {
  it('shows validation messages as sentences', () => {
    expect(describe_('BAD_USER_INPUT', 'name must not be empty')).toBe('Name must not be empty.');
  });

  it('says what was not found or already exists', () => {
    expect(describe_('NOT_FOUND', 'no plan GOLD')).toBe('Not found: No plan GOLD.');
    expect(describe_('CONFLICT', 'a user with phone +821012345678 already exists')).toBe(
      'That already exists: A user with phone +821012345678 already exists.',
    );
  });

  it('never shows internals for outages and server faults', () => {
    expect(describe_('UNAVAILABLE', 'settlement: connect ECONNREFUSED')).toBe(
      'A service is down right now. Try again in a moment.',
    );
    expect(describe_('INTERNAL_SERVER_ERROR', 'TypeError: x is undefined')).toBe(
      'Tally had a problem answering. Try again in a moment.',
    );
    expect(describe_('HTTP_502', 'bad gateway')).toBe(
      'Tally had a problem answering. Try again in a moment.',
    );
    expect(describe_('NETWORK', 'Failed to fetch')).toMatch(/^Cannot reach Tally/);
  });

  it('says when the person must sign in again, and when their role may not do something', () => {
    expect(describe_('UNAUTHENTICATED', 'invalid token')).toBe(
      'You are not signed in, or your sign-in has ended. Sign in again.',
    );
    expect(describe_('FORBIDDEN', 'a subscriber token may not run a users')).toBe(
      'Not allowed: the role you signed in with cannot see or change this.',
    );
  });

  it('names the field too large to show', () => {
    expect(
      describe_('OVERFLOW', 'Bill.total is 3,000,000,000, beyond what a GraphQL Int holds'),
    ).toBe(
      'A figure is too large to show: Bill.total is 3,000,000,000, beyond what a GraphQL Int holds.',
    );
  });

  it('asks to reload when the console and the API disagree', () => {
    expect(describe_('GRAPHQL_VALIDATION_FAILED')).toMatch(/Reload the page/);
  });

  it('names an unknown code without its message', () => {
    expect(describe_('TEAPOT', 'secret')).toBe('Something went wrong (TEAPOT). Try again.');
    expect(describeError(new Error('boom'))).toMatch(/Reload the page/);
  });
});
