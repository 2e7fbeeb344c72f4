/**
 * The team server's address as an agent types it, checked before anything is sent: HTTPS, except on this computer
 * (localhost) and, when the lead has said so, on the shop's own LAN. A public address over plain HTTP is refused,
 * because the password and the buyers' data would cross the internet readable.
 */
export type AddressCheck =
  | { ok: true; origin: string }
  | { ok: false; problem: 'invalid' | 'insecure' | 'insecure-lan' };

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** RFC 1918 private IPv4 ranges and mDNS names: addresses that exist only inside the shop's network. */
export function isLanHost(host: string): boolean {
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return host.endsWith('.local');
}

export function checkServerAddress(raw: string, allowLanHttp: boolean): AddressCheck {
  const text = raw.trim();
  if (!text || text.length > 300) return { ok: false, problem: 'invalid' };
  // Without a scheme: plain HTTP only for this computer (the office-PC default), HTTPS otherwise.
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `${/^(localhost|127\.|\[::1\])/.test(text) ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    if (!isLanHost(url.hostname)) return { ok: false, problem: 'insecure' };
    if (!allowLanHttp) return { ok: false, problem: 'insecure-lan' };
  }
  return { ok: true, origin: url.origin };
}
