import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/**
 * A folded table (day by day) drawn only when opened: a year of days for every agent is thousands of cells the
 * dashboard need not draw to open. Printing opens every fold, so that paper has all the numbers.
 */
export function Fold({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const print = () => flushSync(() => setOpen(true));
    window.addEventListener('beforeprint', print);
    return () => window.removeEventListener('beforeprint', print);
  }, []);
  return (
    <details className="day-table" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
