import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useNow } from './use-now';
import { caseAt, usePanel } from './store';
import { CaseRow, RowPlaceholder } from './queue/CaseRow';
import { t, type Language } from '@/lib/i18n';
import type { StatusCounts } from './store';

interface Props {
  lang: Language;
  /** The heading, which names the tab the list shows (待处理案例, 全部案例, 已解决的案例…). */
  heading: string;
  onOpen: (caseId: string) => void;
}

/** A row's height before it is measured (three lines of text and two of facts). */
export const ROW_ESTIMATE = 96;
/** Rows drawn beyond the screen on each side, so that Tab and short scrolls find a row ready. */
export const OVERSCAN = 4;

/** An element not laid out (hidden, or a test's DOM) keeps its estimate instead of collapsing the list. */
const measure = (el: Element) => el.getBoundingClientRect().height || ROW_ESTIMATE;

/** Stored cases in all: every status (the tabs' counts, of which 'open' counts some twice). */
const storedCount = (counts: StatusCounts | null) =>
  counts ? Object.entries(counts).reduce((n, [status, count]) => (status === 'open' ? n : n + count), 0) : 0;

/** Where the list was scrolled, kept while a case is open so that going back returns to the same place. */
let savedScroll = 0;

/**
 * The queue, drawn a screen at a time: only the rows on screen (and a few beyond) are in the page, each reading its
 * own case from the store, so a change to one case re-renders one row. Arrow keys, Home and End move between rows.
 */
export function CaseList({ lang, heading, onOpen }: Props) {
  const now = useNow();
  const total = usePanel((s) => s.total);
  const loaded = usePanel((s) => s.loaded);
  const nothingStored = usePanel((s) => s.loaded && storedCount(s.counts) === 0);
  const filter = usePanel((s) => s.filter);
  const setVisible = usePanel((s) => s.setVisible);
  const scroller = useRef<HTMLDivElement>(null);
  // Not compiled by React Compiler; the rows are memoised by hand (Row), so the virtualizer's functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    measureElement: measure,
    overscan: OVERSCAN,
    initialOffset: () => savedScroll,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.length ? rows[rows.length - 1]!.index + 1 : 0;
  useEffect(() => setVisible({ start: first, end: last }), [first, last, total, setVisible]);

  // A new filter starts the list from the top (the window was asked for from position 0).
  const shownFilter = useRef(filter);
  useEffect(() => {
    if (shownFilter.current === filter) return;
    shownFilter.current = filter;
    virtualizer.scrollToOffset(0);
  }, [filter, virtualizer]);

  // Arrow keys move the focus a row at a time; the row may first have to be scrolled into the page.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  // Only while a focus is pending does the list follow the window (the row may still be a placeholder).
  const held = usePanel((s) => (focusAt === null ? null : s.items));
  useEffect(() => {
    if (focusAt === null) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`li[data-index="${focusAt}"][data-case-id] > button`);
    if (button) {
      button.focus();
      setFocusAt(null);
    }
  }, [focusAt, first, last, held]);
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLElement>) => {
    const li = (e.target as HTMLElement).closest('li[data-index]');
    if (!li) return;
    // Presses faster than rows arrive count from the row still on its way, so no press is lost.
    const index = focusAt ?? Number(li.getAttribute('data-index'));
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? total - 1 : null;
    if (next === null || next < 0 || next >= total) return;
    e.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusAt(next);
  }, [focusAt, total, virtualizer]);

  const open = useCallback((caseId: string) => {
    savedScroll = scroller.current?.scrollTop ?? 0;
    onOpen(caseId);
  }, [onOpen]);

  return (
    <section aria-labelledby="open-cases" className="case-section">
      <h2 id="open-cases">
        {heading} <span className="muted">{t(lang, 'panel.count', { n: total })}</span>
      </h2>
      {nothingStored && <p className="muted">{t(lang, 'panel.empty')}</p>}
      {loaded && !nothingStored && total === 0 && <p className="muted">{t(lang, 'queue.none')}</p>}
      <div className="case-scroller" ref={scroller} data-testid="case-scroller">
        <ul className="case-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {rows.map((row) => (
            <Row key={row.index} index={row.index} start={row.start} lang={lang} now={now} onOpen={open} measureRef={virtualizer.measureElement} total={total} />
          ))}
        </ul>
      </div>
    </section>
  );
}

interface RowProps {
  index: number;
  start: number;
  total: number;
  lang: Language;
  now: number;
  onOpen: (caseId: string) => void;
  measureRef: (el: Element | null) => void;
}

/** One position of the list: its case once the window holds it, a placeholder of the same size until then. */
const Row = memo(function Row({ index, start, total, lang, now, onOpen, measureRef }: RowProps) {
  const view = usePanel((s) => caseAt(s, index));
  return view
    ? <CaseRow view={view} index={index} start={start} total={total} lang={lang} now={now} onOpen={onOpen} measureRef={measureRef} />
    : <RowPlaceholder index={index} start={start} total={total} lang={lang} measureRef={measureRef} />;
});
