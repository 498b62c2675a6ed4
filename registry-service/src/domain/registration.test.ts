import { checkRegistration } from './registration';

const limit = 100;

describe('checkRegistration', () => {
  it('accepts an http(s) url and an SDL within the limit', () => {
    expect(
      checkRegistration(
        { url: 'http://127.0.0.1:4001/graphql', sdl: 'type Query { a: Int }' },
        limit,
      ),
    ).toEqual({
      ok: true,
      registration: { url: 'http://127.0.0.1:4001/graphql', sdl: 'type Query { a: Int }' },
    });
  });

  it.each([
    ['no body', undefined, 'BAD_REQUEST'],
    ['an array', [], 'BAD_REQUEST'],
    ['a missing url', { sdl: 'type Query { a: Int }' }, 'INVALID_URL'],
    ['a non-http url', { url: 'ftp://x/graphql', sdl: 'type Query { a: Int }' }, 'INVALID_URL'],
    ['a missing sdl', { url: 'http://x/graphql' }, 'BAD_REQUEST'],
    ['a blank sdl', { url: 'http://x/graphql', sdl: '  ' }, 'BAD_REQUEST'],
  ])('refuses %s', (_what, body, code) => {
    expect(checkRegistration(body, limit)).toMatchObject({ ok: false, code });
  });

  it('measures the SDL in UTF-8 bytes against the limit', () => {
    const sdl = `# ${'한'.repeat(40)}\ntype Query { a: Int }`; // 40 chars, 120 bytes
    expect(checkRegistration({ url: 'http://x/graphql', sdl }, limit)).toMatchObject({
      ok: false,
      code: 'SDL_TOO_LARGE',
    });
  });
});
