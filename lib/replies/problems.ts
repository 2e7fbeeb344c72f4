/**
 * What exactly went wrong, read from a cause's trigger words, so that a reply names the buyer's problem (the
 * gift that was left out, the wrong colour, the courier who would not come to the door) instead of hedging
 * ("不对（或者少了东西）"). Each cause has a few kinds of problem, tried in order against its triggers, and a
 * neutral wording used when no kind matches, when the cause is only the classifier's guess (its n-gram
 * "triggers" are not the buyer's complaint words), or when an agent set the cause by hand without words.
 *
 * A kind gives `problem` (what went wrong) and may give `fix` (what the shop does about it); a kind without
 * `fix` uses the neutral one. The grammar each cause's phrases must fit is written next to them
 * (./problem-kinds-goods.ts, ./problem-kinds-people.ts): the templates of that cause are written against it.
 * `%s` in a phrase stands for the thing named in the triggers (耳机 → 少发了耳机 / the earphones).
 */
import type { CauseCode } from '../causes/taxonomy';
import { GOODS_PROBLEMS } from './problem-kinds-goods';
import { PEOPLE_PROBLEMS } from './problem-kinds-people';

export interface Phrase {
  zh: string;
  en: string;
}

export interface ProblemWording {
  problem: Phrase;
  fix?: Phrase;
}

export interface ProblemKind extends ProblemWording {
  id: string;
  /** Tried against the cause's triggers joined by '，'. */
  match: RegExp;
  /** Things `%s` may stand for, most specific first: the first (and second) found in the triggers are named. */
  names?: ReadonlyArray<readonly [RegExp, Phrase]>;
  /** Template ids of this cause shown first for this kind (a malicious spam post leads with 'unrelated'). */
  lead?: readonly string[];
}

export interface ProblemSet {
  neutral: Required<ProblemWording>;
  kinds: readonly ProblemKind[];
}

export const PROBLEMS: Readonly<Record<CauseCode, ProblemSet>> = { ...GOODS_PROBLEMS, ...PEOPLE_PROBLEMS };

/** The evidence a case keeps for one cause (lib/cases/schema.ts CaseCause), or just its code. */
export interface CauseEvidence {
  code: CauseCode;
  triggers?: readonly string[];
  /** True when no cue word backs the cause: its triggers say nothing reliable about the problem. */
  guess?: boolean;
}

export interface Problem {
  cause: CauseCode;
  /** The kind found, or 'neutral'. */
  kind: string;
  problem: Phrase;
  fix: Phrase;
  lead: readonly string[];
}

/** Names the things a kind's phrases refer to: one thing, or two joined (充电器和说明书 / the charger and the manual). */
function namedIn(text: string, names: NonNullable<ProblemKind['names']>): Phrase | undefined {
  const found: Phrase[] = [];
  for (const [re, phrase] of names) {
    if (found.length < 2 && re.test(text) && !found.includes(phrase)) found.push(phrase);
  }
  if (found.length === 0) return undefined;
  if (found.length === 1) return found[0];
  return { zh: `${found[0]!.zh}和${found[1]!.zh}`, en: `${found[0]!.en} and ${found[1]!.en}` };
}

const fillName = (phrase: Phrase, name: Phrase): Phrase => ({ zh: phrase.zh.replace('%s', name.zh), en: phrase.en.replace('%s', name.en) });

export function problemFor(evidence: CauseEvidence): Problem {
  const set = PROBLEMS[evidence.code];
  const neutral: Problem = { cause: evidence.code, kind: 'neutral', ...set.neutral, lead: [] };
  const triggers = evidence.triggers ?? [];
  if (evidence.guess || triggers.length === 0) return neutral;
  const text = triggers.join('，').toLowerCase();
  for (const kind of set.kinds) {
    if (!kind.match.test(text)) continue;
    const name = kind.names ? namedIn(text, kind.names) : undefined;
    // A kind that names a thing and finds none does not apply (its phrases would have a hole).
    if (kind.names && !name) continue;
    const fix = kind.fix ?? set.neutral.fix;
    return {
      cause: evidence.code,
      kind: kind.id,
      problem: name ? fillName(kind.problem, name) : kind.problem,
      fix: name ? fillName(fix, name) : fix,
      lead: kind.lead ?? [],
    };
  }
  return neutral;
}

/**
 * Every wording a cause's templates can be filled with: the neutral one and each kind, with each thing a
 * kind can name. Used to check every template against every wording (length, compliance, grammar).
 */
export function problemVariants(code: CauseCode): Problem[] {
  const set = PROBLEMS[code];
  const out: Problem[] = [{ cause: code, kind: 'neutral', ...set.neutral, lead: [] }];
  for (const kind of set.kinds) {
    const fix = kind.fix ?? set.neutral.fix;
    const names = kind.names?.map(([, name]) => name) ?? [undefined];
    for (const name of names) {
      out.push({
        cause: code,
        kind: kind.id,
        problem: name ? fillName(kind.problem, name) : kind.problem,
        fix: name ? fillName(fix, name) : fix,
        lead: kind.lead ?? [],
      });
    }
  }
  return out;
}
