import { useCallback, useEffect, useRef, useState } from 'react';
import type { Language } from '@/lib/i18n';
import { request } from '@/lib/messaging/protocol';
import { backupFileName, makeBackup, reportTotals, restoreFromText, type RestoreOutcome } from '@/lib/backup/client';
import { BACKUP_TABLES, type BackupProblem } from '@/lib/backup/schema';
import { saveFile } from '@/lib/export/client';
import { formatBeijing } from '@/lib/time/beijing';
import { d, type DashKey } from './messages';

type Status = { lines: string[]; ok: boolean } | null;

export function problemText(lang: Language, p: BackupProblem): string {
  switch (p.kind) {
    case 'not-json': return d(lang, 'restore.notJson');
    case 'foreign': return d(lang, 'restore.foreign');
    case 'newer': return d(lang, 'restore.newer', { file: p.fileVersion, supported: p.supported });
    case 'damaged': return d(lang, 'restore.damaged', { where: p.where });
    case 'incomplete': return d(lang, 'restore.incomplete', { table: d(lang, `table.${p.table}` as DashKey), expected: p.expected, received: p.received });
    case 'interrupted': return d(lang, 'restore.interrupted');
  }
}

function outcomeLines(lang: Language, outcome: RestoreOutcome): Status {
  if (!outcome.ok) return { lines: [problemText(lang, outcome.problem)], ok: false };
  const lines = [d(lang, 'restore.done', reportTotals(outcome.report))];
  for (const table of BACKUP_TABLES) lines.push(d(lang, 'restore.table', { table: d(lang, `table.${table}` as DashKey), ...outcome.report[table] }));
  if (outcome.settingsRestored.length) lines.push(d(lang, 'restore.settings', { n: outcome.settingsRestored.length }));
  return { lines, ok: true };
}

/** The file input stays in the page (for the keyboard and for tests) but out of sight: the label is the button. */
const HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
const ROW = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', margin: '6px 0' } as const;
const BUTTON = { border: '1px solid #d9d9d9', background: '#fff', borderRadius: 4, padding: '2px 10px', cursor: 'pointer' } as const;

const stamp = (at: number) => formatBeijing(at).replace(' ', '-').replace(':', '');

/**
 * Backup (one file with everything and its version) and restore (checked whole before anything is written, merged
 * without overwriting newer data). Shown in the dashboard and in the side panel's settings; `onRestored` lets the
 * page show the restored figures.
 */
export function BackupPanel({ lang, onRestored, compact = false }: { lang: Language; onRestored?: () => void; compact?: boolean }) {
  const [info, setInfo] = useState<{ lastBackupAt: number | null; reminderDue: boolean } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    void request({ type: 'backupStatus' }).then(setInfo, () => setInfo(null));
  }, []);
  useEffect(refresh, [refresh]);

  const backup = async () => {
    setBusy(true);
    try {
      const result = await makeBackup((n) => setStatus({ lines: [d(lang, 'backup.working', { n })], ok: true }));
      const name = backupFileName(result.createdAt, stamp);
      saveFile(result.blob, name);
      await request({ type: 'backupSaved', at: result.createdAt });
      setStatus({ lines: [d(lang, 'backup.done', { name, cases: result.counts.cases, events: result.counts.events })], ok: true });
      refresh();
    } catch (error) {
      setStatus({ lines: [d(lang, 'backup.failed', { error: error instanceof Error ? error.message : String(error) })], ok: false });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (chosen: File | undefined) => {
    if (!chosen) return;
    setBusy(true);
    try {
      const outcome = await restoreFromText(await chosen.text(), (n) => setStatus({ lines: [d(lang, 'restore.working', { n })], ok: true }));
      setStatus(outcomeLines(lang, outcome));
      if (outcome.ok) onRestored?.();
    } catch (error) {
      setStatus({ lines: [d(lang, 'restore.failed', { error: error instanceof Error ? error.message : String(error) })], ok: false });
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };

  return (
    <section className={compact ? 'backup no-print' : 'card backup no-print'} aria-labelledby="backup-title">
      {compact ? <h3 id="backup-title">{d(lang, 'backup.title')}</h3> : <h2 id="backup-title">{d(lang, 'backup.title')}</h2>}
      {info?.reminderDue && <p role="alert" className="warn" style={{ background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 6, padding: '6px 10px' }} data-testid="backup-reminder">{d(lang, 'backup.remind')}</p>}
      <p className="muted small" data-testid="backup-last">{info?.lastBackupAt ? d(lang, 'backup.last', { time: formatBeijing(info.lastBackupAt) }) : d(lang, 'backup.never')}</p>
      {!compact && <p className="muted small">{d(lang, 'backup.note')}</p>}
      <div style={ROW}>
        <button type="button" disabled={busy} onClick={() => void backup()} data-action="backup">{d(lang, 'backup.make')}</button>
        <label style={{ ...BUTTON, opacity: busy ? 0.5 : 1 }}>
          {d(lang, 'restore.choose')}
          <input ref={file} type="file" accept="application/json,.json" disabled={busy} style={HIDDEN} data-action="restore"
            onChange={(e) => void restore(e.target.files?.[0])} />
        </label>
      </div>
      {status && (
        <div role="status" className={status.ok ? 'small' : 'small danger'} data-testid="backup-status">
          {status.lines.map((line, i) => <p key={i}>{line}</p>)}
        </div>
      )}
    </section>
  );
}
