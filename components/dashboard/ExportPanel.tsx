import { useState } from 'react';
import type { Language } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import { CaseStatus } from '@/lib/cases/schema';
import { CAUSE_CODES } from '@/lib/causes/taxonomy';
import { ALL_CASES, ExportFilter, type ExportKind } from '@/lib/export/filter';
import { csvBlob, fetchExport, saveFile, xlsxBlob } from '@/lib/export/client';
import { dayText, type PeriodRange } from '@/lib/insight/period';
import { DAY_MS } from '@/lib/time/beijing';
import { causeName } from './Fig';
import { d, type DashKey } from './messages';

const KINDS: ExportKind[] = ['cases', 'attempts', 'promises'];
const KIND_FILE: Record<ExportKind, string> = { cases: '案例', attempts: '联系记录', promises: '补偿承诺' };

/** Exports of the period shown, as CSV (one kind) or one Excel workbook (all three). */
export function ExportPanel({ lang, range, period, agents }: { lang: Language; range: PeriodRange; period: string; agents: string[] }) {
  const [kind, setKind] = useState<ExportKind>('cases');
  const [filter, setFilter] = useState<ExportFilter>(ALL_CASES);
  const [fullPhones, setFullPhones] = useState(false);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const span = `${dayText(range.from)}至${dayText(range.to - DAY_MS)}`;

  const run = async (work: () => Promise<string>) => {
    if (fullPhones && !window.confirm(d(lang, 'export.fullPhonesConfirm'))) return;
    setBusy(true);
    setStatus({ text: d(lang, 'export.working'), ok: true });
    try {
      setStatus({ text: await work(), ok: true });
    } catch (error) {
      setStatus({ text: d(lang, 'export.failed', { error: error instanceof Error ? error.message : String(error) }), ok: false });
    } finally {
      setBusy(false);
    }
  };
  const csv = () => run(async () => {
    const table = await fetchExport(kind, range, filter, lang, fullPhones);
    const name = `评价回访台-${KIND_FILE[kind]}-${span}.csv`;
    saveFile(csvBlob(table), name);
    return d(lang, 'export.done', { n: table.rows.length, name });
  });
  const xlsx = () => run(async () => {
    const [cases, attempts, promises] = await Promise.all(KINDS.map((k) => fetchExport(k, range, filter, lang, fullPhones)));
    const name = `评价回访台-${span}.xlsx`;
    saveFile(await xlsxBlob({ cases: cases!, attempts: attempts!, promises: promises! }, lang), name);
    return d(lang, 'export.doneXlsx', { name, cases: cases!.rows.length, attempts: attempts!.rows.length, promises: promises!.rows.length });
  });
  const set = (patch: Partial<ExportFilter>) => setFilter(ExportFilter.parse({ ...filter, ...patch }));

  return (
    <section className="card no-print" aria-labelledby="export-title">
      <h2 id="export-title">{d(lang, 'export.title')}</h2>
      <p className="muted small">{d(lang, 'export.period', { period })}</p>
      <div className="form-row">
        <label>{d(lang, 'export.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ExportKind)} data-testid="export-kind">
            {KINDS.map((k) => <option key={k} value={k}>{d(lang, `export.${k}` as DashKey)}</option>)}
          </select>
        </label>
        <label>{d(lang, 'export.status')}
          <select value={filter.status} onChange={(e) => set({ status: e.target.value as ExportFilter['status'] })}>
            <option value="all">{d(lang, 'export.all')}</option>
            <option value="open">{d(lang, 'export.open')}</option>
            {CaseStatus.options.map((s) => <option key={s} value={s}>{t(lang, `status.${s}`)}</option>)}
          </select>
        </label>
        <label>{d(lang, 'export.sentiment')}
          <select value={filter.sentiment} onChange={(e) => set({ sentiment: e.target.value as ExportFilter['sentiment'] })}>
            <option value="all">{d(lang, 'export.all')}</option>
            <option value="negative">{t(lang, 'sentiment.negative')}</option>
            <option value="neutral">{t(lang, 'sentiment.neutral')}</option>
          </select>
        </label>
        <label>{d(lang, 'export.cause')}
          <select value={filter.cause} onChange={(e) => set({ cause: e.target.value as ExportFilter['cause'] })}>
            <option value="all">{d(lang, 'export.all')}</option>
            {[...CAUSE_CODES, 'none' as const].map((c) => <option key={c} value={c}>{causeName(lang, c)}</option>)}
          </select>
        </label>
        <label>{d(lang, 'export.assignee')}
          <select value={filter.assignee} onChange={(e) => set({ assignee: e.target.value })}>
            <option value="all">{d(lang, 'export.all')}</option>
            <option value="">{d(lang, 'export.unassigned')}</option>
            {agents.filter(Boolean).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
      </div>
      <label className="check"><input type="checkbox" checked={fullPhones} onChange={(e) => setFullPhones(e.target.checked)} data-testid="export-full-phones" /> {d(lang, 'export.fullPhones')}</label>
      <div className="form-row">
        <button type="button" disabled={busy} onClick={() => void csv()} data-action="export-csv">{d(lang, 'export.csv')}</button>
        <button type="button" disabled={busy} onClick={() => void xlsx()} data-action="export-xlsx">{d(lang, 'export.xlsx')}</button>
      </div>
      <p className="muted small">{d(lang, 'export.note')}</p>
      {status && <p role="status" className={status.ok ? 'small' : 'small danger'} data-testid="export-status">{status.text}</p>}
    </section>
  );
}
