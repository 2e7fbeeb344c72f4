// Issue 8: with no name set (the default is now empty; older installs have '客服'), every template must read
// naturally: "我是本店的售后客服", never "我是本店的售后客服客服" or a blank; with a name, "售后客服小李".
import { agentIntro } from '../../lib/replies/case-data';
import { renderTemplate } from '../../lib/replies/fill';
import { problemFor } from '../../lib/replies/problems';
import type { FillData } from '../../lib/replies/schema';
import { TEMPLATES } from '../../lib/replies/templates';

const LANGS = ['zh', 'en'] as const;
const base = (agentName: string): FillData => ({
  buyerNick: '亲', itemTitle: '纯棉T恤', shopName: { zh: '本店', en: 'our shop' }, agent: agentIntro(agentName),
  remedy: { zh: '补发一件新的', en: 'a free replacement' }, agreedTime: { zh: '明天', en: 'tomorrow' },
});
const render = (agentName: string, lang: 'zh' | 'en') =>
  TEMPLATES.map((t) => {
    const p = t.cause === 'any' ? undefined : problemFor({ code: t.cause });
    return { id: t.id, ...renderTemplate(t, { ...base(agentName), ...(p ? { problem: p.problem, fix: p.fix } : {}) }, lang) };
  });

describe('how the agent introduces themself', () => {
  it('names only the role while no name is set, or the old default 客服 is left', () => {
    for (const name of ['', '  ', '客服', '售后客服', '售后']) {
      expect(agentIntro(name), JSON.stringify(name)).toEqual({ zh: '售后客服', en: 'the after-sales team' });
    }
  });

  it('adds the name after the role, once', () => {
    expect(agentIntro('小李')).toEqual({ zh: '售后客服小李', en: '小李 from the after-sales team' });
    expect(agentIntro('客服小李').zh).toBe('售后客服小李');
    expect(agentIntro(' Lily ').en).toBe('Lily from the after-sales team');
  });

  it.each(['', '客服'])('reads naturally in every template with no name (%j)', (name) => {
    for (const lang of LANGS) {
      for (const { id, text, missing } of render(name, lang)) {
        expect(missing, id).toEqual([]);
        expect(text, id).not.toMatch(/客服客服|售后售后|我是本店的[，。]|\bthis is +at\b|\bis {2,}/);
        if (/我是|\bthis is\b/i.test(text)) expect(text, id).toMatch(lang === 'zh' ? /我是本店的售后客服/ : /this is the after-sales team at our shop/i);
      }
    }
  });

  it('reads "我是本店的售后客服小李" in every template once the name is set', () => {
    for (const { id, text } of render('小李', 'zh')) {
      if (text.includes('我是')) expect(text, id).toContain('我是本店的售后客服小李');
    }
  });
});
