/**
 * What the local server refuses before anything else reads a request, so that no method or
 * Host header a client can send ends in a 500: TRACE and CONNECT (which the web's Request
 * cannot even hold) get 405, a Host that is not a host name, an IPv4 address or a bracketed
 * IPv6 address (with a port, or not) gets 400.
 */
export interface Refusal {
  status: 400 | 405;
  message: string;
  headers: Record<string, string>;
}

export function refuseEarly(method: string | undefined, host: string | undefined): Refusal | undefined {
  const upper = (method ?? '').toUpperCase();
  if (upper === 'TRACE' || upper === 'TRACK' || upper === 'CONNECT')
    return { status: 405, message: 'This method is not allowed here.', headers: { Allow: 'GET, HEAD, POST' } };
  if (
    host !== undefined &&
    !/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(
      host,
    )
  )
    return { status: 400, message: 'The Host header is not a host name.', headers: {} };
  return undefined;
}
