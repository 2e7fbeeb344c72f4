/**
 * Which cases each console tab has shown (from its ingest replies and badge requests), so that a change to a case
 * is told only to the tabs that draw it. Over-telling is harmless (a tab re-asks for a few badges), so each tab
 * keeps at most `cap` ids, the oldest forgotten first.
 */
export class TabCases {
  private byTab = new Map<number, Set<string>>();

  constructor(private cap = 20_000) {}

  shown(tabId: number, caseIds: Iterable<string>): void {
    const set = this.byTab.get(tabId) ?? new Set<string>();
    this.byTab.set(tabId, set);
    for (const id of caseIds) {
      set.delete(id); // re-inserted as the newest
      set.add(id);
    }
    for (const id of set) {
      if (set.size <= this.cap) break;
      set.delete(id);
    }
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  /** The tabs to tell and which of their cases changed; ids null (unknown) reaches every known tab. */
  targets(ids: string[] | null, tabs: Iterable<number>): Map<number, string[] | null> {
    const out = new Map<number, string[] | null>();
    for (const tabId of tabs) {
      if (ids === null) {
        out.set(tabId, null);
        continue;
      }
      const set = this.byTab.get(tabId);
      const hit = set ? ids.filter((id) => set.has(id)) : [];
      if (hit.length) out.set(tabId, hit);
    }
    return out;
  }
}
