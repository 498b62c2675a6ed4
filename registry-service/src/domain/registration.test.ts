import { checkRegistration } from './registration';

const limit = 100;
const hosts = new Set(['127.0.0.1', 'localhost', '::1', 'x']);
const SDL = 'type Query { a: Int }';

describe('checkRegistration', () => {
  it('accepts an http(s) url on an allowed host and an SDL within the limit', () => {
    expect(
      checkRegistration({ url: 'http://127.0.0.1:4001/graphql', sdl: SDL }, limit, hosts),
    ).toEqual({
      ok: true,
      registration: { url: 'http://127.0.0.1:4001/graphql', sdl: SDL },
    });
    for (const url of [
      'http://localhost:4001/graphql',
      'https://[::1]:4001/graphql',
      'http://LOCALHOST/',
    ])
      expect(checkRegistration({ url, sdl: SDL }, limit, hosts)).toMatchObject({ ok: true });
  });

  it.each([
    ['no body', undefined, 'BAD_REQUEST'],
    ['an array', [], 'BAD_REQUEST'],
    ['a missing url', { sdl: SDL }, 'INVALID_URL'],
    ['a non-http url', { url: 'ftp://x/graphql', sdl: SDL }, 'INVALID_URL'],
    [
      'a host off the allow-list',
      { url: 'http://evil.example/graphql', sdl: SDL },
      'URL_NOT_ALLOWED',
    ],
    [
      'an allowed name as a subdomain',
      { url: 'http://localhost.evil.example/', sdl: SDL },
      'URL_NOT_ALLOWED',
    ],
    [
      'credentials before an allowed-looking host',
      { url: 'http://127.0.0.1@evil.example/', sdl: SDL },
      'URL_NOT_ALLOWED',
    ],
    ['a missing sdl', { url: 'http://x/graphql' }, 'BAD_REQUEST'],
    ['a blank sdl', { url: 'http://x/graphql', sdl: '  ' }, 'BAD_REQUEST'],
  ])('refuses %s', (_what, body, code) => {
    expect(checkRegistration(body, limit, hosts)).toMatchObject({ ok: false, code });
  });

  it('measures the SDL in UTF-8 bytes against the limit', () => {
    const sdl = `# ${'한'.repeat(40)}\ntype Query { a: Int }`; // 40 chars, 120 bytes
    expect(checkRegistration({ url: 'http://x/graphql', sdl }, limit, hosts)).toMatchObject({
      ok: false,
      code: 'SDL_TOO_LARGE',
    });
  });
});
