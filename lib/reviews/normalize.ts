/** Small normalisers shared by every console reader. Input is untrusted page data. */
import { REVIEW_ID_MAX, REVIEW_TEXT_MAX } from './schema';

const PLACEHOLDERS = [/^此用户没有填写评价/, /^系统默认好评/, /^评价方未及时做出评价/, /^该用户(未|没有)填写/, /^用户未填写评价内容/];

/** Trims review text and reports platform placeholders as empty. Text stays text: nothing is parsed as HTML. */
export function cleanContent(raw: unknown): { content: string; placeholder: boolean } {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, REVIEW_TEXT_MAX) : '';
  if (PLACEHOLDERS.some((re) => re.test(text))) return { content: '', placeholder: true };
  return { content: text, placeholder: text === '' };
}

/** Ids arrive as numbers or strings; both become trimmed digit-safe strings, or undefined. */
export function idString(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(Math.trunc(raw));
  if (typeof raw === 'string') {
    const t = raw.trim();
    return t && t.length <= REVIEW_ID_MAX ? t : undefined;
  }
  return undefined;
}

export function numberOrNull(raw: unknown): number | null {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The console already masks nicks (w**); a nick that arrives unmasked is masked here so none is stored whole. */
export function maskNick(raw: unknown): string {
  const nick = typeof raw === 'string' ? raw.trim().slice(0, 64) : '';
  if (!nick) return '**';
  if (nick.includes('*')) return nick;
  return `${Array.from(nick)[0]}**`;
}

/** Short free text from the page (a title, a key): a string, trimmed and cut to `max`, else undefined. */
export function shortString(raw: unknown, max: number): string | undefined {
  return typeof raw === 'string' ? raw.trim().slice(0, max) || undefined : undefined;
}

/** FNV-1a: a stable short hash for the fallback key (order id + content) when a page shows no review id. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function fallbackReviewId(orderId: string | undefined, content: string): string {
  return `o${orderId ?? ''}-h${shortHash(content)}`;
}

/** Protocol-relative links (//item.taobao.com/…) become https; anything but http(s) is dropped. */
export function safeLink(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const link = raw.trim().startsWith('//') ? `https:${raw.trim()}` : raw.trim();
  return /^https?:\/\//i.test(link) ? link.slice(0, 1000) : undefined;
}
