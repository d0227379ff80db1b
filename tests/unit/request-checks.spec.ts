import { expect, test } from 'vitest';
import { refuseEarly } from '../../scripts/lib/request-checks.ts';

/** Methods and Host headers the local server refuses at once, rather than fail on with a 500. */
test('TRACE, TRACK and CONNECT get 405, in any case; ordinary methods pass', () => {
  for (const method of ['TRACE', 'trace', 'TRACK', 'CONNECT'])
    expect(refuseEarly(method, 'localhost:4321')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, POST' } });
  for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', undefined])
    expect(refuseEarly(method, 'localhost:4321')).toBeUndefined();
});

test('a Host that is not a host name gets 400; names, addresses and ports pass', () => {
  for (const host of ['localhost', 'localhost:4321', '127.0.0.1:8888', '[::1]:4321', 'www.example.org', undefined])
    expect(refuseEarly('GET', host), String(host)).toBeUndefined();
  for (const host of ['', 'a b', 'exa mple.org', 'x@y', 'host:port', 'a/b', '%00', '-bad.org', 'a:123456', '[::1'])
    expect(refuseEarly('GET', host), host).toMatchObject({ status: 400 });
});
