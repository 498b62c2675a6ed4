import { GraphQLError } from 'graphql';
import { mongo } from 'mongoose';
import { DomainError } from '@tally/errors';
import { createLogger } from '../logger';
import { createFormatError } from './format-error';

const format = createFormatError(createLogger('format-error-test', 'silent'));
const asResolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['bill'], originalError: original });
const formatted = (error: GraphQLError) =>
  format({ message: error.message, path: ['bill'] }, error);

describe('createFormatError', () => {
  it('answers a database that did not answer as UNAVAILABLE, without its detail', () => {
    const refused = new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    const selection = new mongo.MongoServerSelectionError(
      'Server selection timed out',
      {} as never,
    );
    const wrapped = new Error('query failed', {
      cause: new mongo.MongoNotConnectedError('not connected'),
    });
    for (const err of [refused, selection, wrapped]) {
      const out = formatted(asResolverError(err));
      expect(out.extensions).toEqual({ code: 'UNAVAILABLE' });
      expect(out.message).toBe('The database did not answer; try again shortly');
      expect(out.path).toEqual(['bill']);
    }
  });

  it('masks any other failure as INTERNAL_SERVER_ERROR', () => {
    const out = formatted(asResolverError(new TypeError('x is undefined')));
    expect(out).toMatchObject({
      message: 'Internal error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps a domain error its contract code and message', () => {
    const out = formatted(asResolverError(new DomainError('NOT_FOUND', 'no user u-1')));
    expect(out).toMatchObject({ message: 'no user u-1', extensions: { code: 'NOT_FOUND' } });
  });
});
