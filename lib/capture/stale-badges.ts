import * as z from 'zod/mini';
import { BadgeInfoList } from '../cases/badge-info';
import type { BadgeCache } from '../badges/badge-cache';
import { reportingTo } from '../errors/report';

/** Case ids per badges request (the protocol's cap). */
const REFRESH_MAX = 5000;
const CaseIds = z.nullable(z.array(z.string()));

export interface StalePorts {
  /** The background's `badges` request. */
  ask: (caseIds: string[]) => Promise<unknown>;
  /** Review ids the page shows now. */
  shown: () => Iterable<string>;
  /** These reviews' badges may have changed: draw them again. */
  redraw: (reviewIds: string[]) => void;
  stillValid: () => boolean;
}

/**
 * The page's side of `badgesStale`: the background names the cases that changed (or null: any of them), and the
 * page asks again only for those of them it shows now, one request at a time; the others are asked for when
 * their rows are shown again (refresh() after each scan).
 */
export class StaleBadges {
  private asking = false;
  private askAgain = false;

  constructor(private readonly cache: BadgeCache, private readonly ports: StalePorts) {}

  /** A notice from the background; its ids are checked, anything odd counts as "all". */
  notice(caseIds: unknown): void {
    const ids = CaseIds.safeParse(caseIds);
    this.cache.markStale(ids.success ? ids.data : null);
    this.refresh();
  }

  refresh(): void {
    if (this.asking) {
      this.askAgain = true;
      return;
    }
    const caseIds = this.cache.staleAmong(this.ports.shown()).slice(0, REFRESH_MAX);
    if (!caseIds.length) return;
    this.asking = true;
    const stamp = this.cache.stamp();
    void this.ports.ask(caseIds).then((fresh) => {
      const checked = BadgeInfoList.safeParse(fresh);
      if (!checked.success) throw new Error('badge refresh: unexpected answer');
      this.ports.redraw(this.cache.refreshed(caseIds, checked.data, stamp));
    }).catch(reportingTo('badges.refresh')).finally(() => {
      this.asking = false;
      if (this.askAgain && this.ports.stillValid()) {
        this.askAgain = false;
        this.refresh();
      }
    });
  }
}
