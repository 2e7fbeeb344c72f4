import { SELECTORS, QIANNIU_MARKERS } from './selectors';
import type { ConsoleFamily } from './pages';

/**
 * A structure-only description of a page whose layout was not recognised, for the agent to send to
 * whoever maintains the selectors. Redacted by construction: it never reads text, attribute values or
 * query strings, only tag names, cleaned class names, counts and which selectors matched.
 */
export interface Diagnostic {
  page: string;
  family: ConsoleFamily;
  selectorHits: Record<string, number>;
  markerCounts: Record<string, number>;
  tables: number;
  outline: string;
  apiResponses: { seen: number; failed: number };
  /** Reviews the page showed that could not be stored, by reason. */
  skipped: Record<string, number>;
}

const cleanClass = (c: string) => (/^[A-Za-z_-][\w-]{0,40}$/.test(c) && !/\d{4,}/.test(c) ? c : '');

function describe(el: Element): string {
  const classes = Array.from(el.classList).map(cleanClass).filter(Boolean).slice(0, 3);
  return el.tagName.toLowerCase() + classes.map((c) => `.${c}`).join('');
}

/** Indented outline of the element tree, a few levels deep, repeated siblings folded into "×N". */
export function outline(root: Element, depth = 6, maxLines = 80): string {
  const lines: string[] = [];
  const walk = (el: Element, level: number) => {
    if (level > depth || lines.length >= maxLines) return;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(el.children)) {
      if (['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT'].includes(child.tagName)) continue;
      if (child.tagName.includes('-') && child.tagName.startsWith('REVIEWDESK')) continue;
      const key = describe(child);
      groups.set(key, [...(groups.get(key) ?? []), child]);
    }
    for (const [key, els] of groups) {
      if (lines.length >= maxLines) return;
      lines.push(`${'  '.repeat(level)}${key}${els.length > 1 ? ` ×${els.length}` : ''}`);
      walk(els[0]!, level + 1);
    }
  };
  walk(root, 0);
  return lines.join('\n');
}

export function buildDiagnostic(
  doc: Document,
  family: ConsoleFamily,
  page: string,
  apiResponses: { seen: number; failed: number },
  skipped: Record<string, number> = {},
): Diagnostic {
  const groups = family === 'qianniu' ? SELECTORS.qianniu : family === 'taobao-legacy' ? SELECTORS.legacy : SELECTORS.tmall;
  const selectorHits: Record<string, number> = {};
  for (const [name, list] of Object.entries(groups)) {
    for (const sel of list as readonly string[]) selectorHits[`${name}: ${sel}`] = doc.querySelectorAll(sel).length;
  }
  const bodyText = doc.body?.textContent ?? '';
  const markerCounts: Record<string, number> = {};
  for (const [name, re] of Object.entries(QIANNIU_MARKERS)) {
    markerCounts[name] = bodyText.match(new RegExp(re.source, 'g'))?.length ?? 0;
  }
  return {
    page,
    family,
    selectorHits,
    markerCounts,
    tables: doc.querySelectorAll('table').length,
    outline: doc.body ? outline(doc.body) : '',
    apiResponses,
    skipped,
  };
}

export function diagnosticText(d: Diagnostic): string {
  return [
    `ReviewDesk diagnostic (structure only)`,
    `page: ${d.page}`,
    `family: ${d.family}`,
    `api responses: ${d.apiResponses.seen} seen, ${d.apiResponses.failed} not understood`,
    `reviews skipped: ${Object.entries(d.skipped).map(([why, n]) => `${n} ${why}`).join(', ') || 'none'}`,
    `tables: ${d.tables}`,
    'selectors:',
    ...Object.entries(d.selectorHits).map(([s, n]) => `  ${n}  ${s}`),
    'text markers (counts):',
    ...Object.entries(d.markerCounts).map(([s, n]) => `  ${n}  ${s}`),
    'outline:',
    d.outline,
  ].join('\n');
}
