// Stand-ins for CDN images (review photos, buyer level icons): a small SVG tile whose colour depends on the URL,
// so the demo's galleries look like pictures without any real image leaving the machine.

export const IMAGE_HOSTS = [/(^|\.)alicdn\.com$/, /(^|\.)tbcdn\.cn$/, /(^|\.)taobaocdn\.com$/, /^img\.taobao\.com$/];

export function isImageHost(hostname) {
  return IMAGE_HOSTS.some((re) => re.test(hostname));
}

const TINTS = ['#f6d6c8', '#d9e7f5', '#e3efd9', '#f3e7c4', '#e6dcf2', '#f1d4dc'];

/** @param {string} url @returns {{ contentType: string, body: string }} */
export function placeholderImage(url) {
  let hash = 0;
  for (const ch of url) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const tint = TINTS[hash % TINTS.length];
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60" viewBox="0 0 60 60"><rect width="60" height="60" fill="${tint}"/><path d="M10 44l12-14 9 10 7-7 12 11z" fill="#00000022"/><circle cx="42" cy="19" r="5" fill="#ffffff99"/></svg>`;
  return { contentType: 'image/svg+xml', body };
}

/** A 1×1 transparent GIF for favicons. */
export const FAVICON = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
