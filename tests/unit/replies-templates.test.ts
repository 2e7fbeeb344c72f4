import { CAUSE_CODES } from '../../lib/causes/taxonomy';
import { checkCompliance, countChars } from '../../lib/replies/compliance';
import { renderTemplate } from '../../lib/replies/fill';
import {
  CHANNELS,
  EXPLANATION_MAX_CHARS,
  PHONE_STAGES,
  PLACEHOLDERS,
  PLACEHOLDER_BUDGET,
  TemplateList,
  placeholdersIn,
  type FillData,
  type ReplyTemplate,
} from '../../lib/replies/schema';
import { TEMPLATES, parseTemplates, templateById, templatesFor } from '../../lib/replies/templates';
import { problemVariants } from '../../lib/replies/problems';

/** The fill data a template meets: for a cause's own templates, every problem wording that cause can name. */
const withProblems = (t: ReplyTemplate, data: FillData): FillData[] =>
  t.cause === 'any' ? [data] : problemVariants(t.cause).map((p) => ({ ...data, problem: p.problem, fix: p.fix }));

const LANGS = ['zh', 'en'] as const;

/** Cases as agents meet them: masked nicks, long Taobao titles, remedy labels with amounts. */
const REALISTIC: FillData[] = [
  {
    buyerNick: 't**8',
    itemTitle: '2024秋冬新款加厚羊毛双面呢大衣女中长款宽松显瘦外套', // 30 characters, the Taobao maximum
    shopName: '暖衣小铺旗舰店',
    agent: '售后客服小叶',
    remedy: { zh: '补发一件新的，来回运费由我们承担', en: 'a free replacement, with postage both ways on us' },
    agreedTime: { zh: '明天18:00', en: '6 pm tomorrow' },
  },
  {
    buyerNick: '小***猫',
    itemTitle: 'USB充电式迷你手持小风扇',
    shopName: 'ABC数码专营店',
    agent: { zh: '售后客服Lily', en: 'Lily from the after-sales team' },
    remedy: { zh: '部分退款 ¥12.30', en: 'a partial refund of ¥12.30' },
    agreedTime: { zh: '今天下班前', en: 'the end of today' },
  },
  {
    buyerNick: 'j**n',
    itemTitle: '有机红枣500g',
    shopName: '山里人家',
    agent: '售后客服阿明',
    remedy: { zh: '退运费', en: 'a refund of the postage' },
    agreedTime: { zh: '周五', en: 'Friday' },
  },
];

const textsOf = (t: ReplyTemplate, lang: 'zh' | 'en'): string[] =>
  t.channel === 'phone' ? t.steps.flatMap((s) => [s[lang], s.note?.[lang] ?? '']) : [t.text[lang]];

const REVIEW_WORDS = { zh: /评价|好评|差评|中评|追评|评论/u, en: /\b(?:review|rating|feedback|stars?)\b/iu };
const APOLOGY = { zh: /抱歉|对不起|道歉|歉意|不好意思|遗憾/gu, en: /\b(?:sorry|apologi[sz]e|apologies)\b/giu };

describe('shipped templates', () => {
  it('all parse through the schema (they are parsed at module load, and again here)', () => {
    expect(TEMPLATES.length).toBeGreaterThan(0);
    expect(TemplateList.safeParse(TEMPLATES).success).toBe(true);
  });

  it('have at least two variants for every cause and channel, and for the generic set', () => {
    for (const cause of [...CAUSE_CODES, 'any'] as const) {
      for (const channel of CHANNELS) {
        expect(templatesFor(cause, channel).length, `${cause} × ${channel}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('have unique ids named cause.channel.variant', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TEMPLATES) expect(t.id.startsWith(`${t.cause}.${t.channel}.`), t.id).toBe(true);
    expect(templateById('quality.chat.photo_first')?.cause).toBe('quality');
    expect(templateById('nope')).toBeUndefined();
  });

  it('give every variant a distinct label within its cause and channel', () => {
    for (const cause of [...CAUSE_CODES, 'any'] as const) {
      for (const channel of CHANNELS) {
        const labels = templatesFor(cause, channel).map((t) => t.variant.zh);
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
  });

  it('are written in Chinese and in English, each language on its own', () => {
    for (const t of TEMPLATES) {
      for (const text of textsOf(t, 'zh').filter(Boolean)) {
        expect(text, t.id).toMatch(/\p{Script=Han}/u);
        expect(text.replace(/\{\w+\}/g, ''), t.id).not.toMatch(/[A-Za-z]{3,}/);
      }
      for (const text of textsOf(t, 'en').filter(Boolean)) {
        expect(text, t.id).not.toMatch(/\p{Script=Han}/u);
      }
      expect(t.variant.zh).toMatch(/\p{Script=Han}/u);
      expect(t.variant.en).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const t of TEMPLATES) {
      const used = (lang: 'zh' | 'en') => [...new Set(textsOf(t, lang).flatMap(placeholdersIn))].sort();
      expect(used('en'), t.id).toEqual(used('zh'));
    }
  });

  it.each(LANGS)('pass the compliance check without a single warning once filled (%s)', (lang) => {
    for (const base of REALISTIC) {
      for (const t of TEMPLATES) {
        for (const data of withProblems(t, base)) {
          const { text, missing } = renderTemplate(t, data, lang);
          expect(missing, t.id).toEqual([]);
          const result = checkCompliance(text, { channel: t.channel, lang, buyerNick: String(data.buyerNick) });
          expect(result.issues, `${t.id} (${lang}): ${text}`).toEqual([]);
        }
      }
    }
  });

  it('block copying while a placeholder is still empty', () => {
    const t = templatesFor('quality', 'chat')[0]!;
    const { text, missing } = renderTemplate(t, { shopName: '山里人家' }, 'zh');
    expect(missing).toContain('buyerNick');
    const result = checkCompliance(text, { channel: 'chat', lang: 'zh' });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain('unfilled-placeholder');
  });

  it('keep public explanations within 500 characters even with the longest values', () => {
    const longest = Object.fromEntries(PLACEHOLDERS.map((p) => [p, '长'.repeat(PLACEHOLDER_BUDGET)]));
    for (const t of TEMPLATES.filter((x) => x.channel === 'explanation')) {
      for (const lang of LANGS) {
        const { text } = renderTemplate(t, longest, lang);
        expect(countChars(text), `${t.id} (${lang})`).toBeLessThanOrEqual(EXPLANATION_MAX_CHARS);
      }
    }
  });

  it('never name the buyer, state a remedy or ask about the review in a public explanation', () => {
    for (const t of TEMPLATES.filter((x) => x.channel === 'explanation')) {
      for (const lang of LANGS) {
        const used = placeholdersIn(textsOf(t, lang).join(''));
        expect(used, t.id).not.toContain('buyerNick');
        expect(used, t.id).not.toContain('remedy');
        expect(textsOf(t, lang).join(''), t.id).not.toMatch(/[¥$]|\d+\s*元/u);
      }
    }
  });

  it('mention the review at most once per chat message or call, and only after the remedy', () => {
    for (const t of TEMPLATES.filter((x) => x.channel !== 'explanation')) {
      for (const lang of LANGS) {
        const spoken = t.channel === 'phone' ? t.steps.map((s) => s[lang]) : [t.text[lang]];
        const mentions = spoken.filter((x) => REVIEW_WORDS[lang].test(x));
        expect(mentions.length, t.id).toBeLessThanOrEqual(1);
        if (mentions.length && t.channel === 'phone') {
          expect(t.steps.find((s) => REVIEW_WORDS[lang].test(s[lang]))?.stage, t.id).toBe('agree');
        }
      }
    }
  });

  it('do not bring up the review at all for malicious or mood-driven reviews', () => {
    for (const t of TEMPLATES.filter((x) => (x.cause === 'malicious' || x.cause === 'subjective') && x.channel !== 'explanation')) {
      for (const lang of LANGS) {
        const spoken = t.channel === 'phone' ? t.steps.map((s) => s[lang]) : [t.text[lang]];
        for (const line of spoken) expect(line, t.id).not.toMatch(REVIEW_WORDS[lang]);
      }
    }
  });

  it('offer nothing but the normal after-sales process on malicious reviews', () => {
    for (const t of TEMPLATES.filter((x) => x.cause === 'malicious')) {
      for (const lang of LANGS) expect(placeholdersIn(textsOf(t, lang).join('')), t.id).not.toContain('remedy');
    }
    const chats = templatesFor('malicious', 'chat').map((t) => (t.channel === 'chat' ? t.text.zh : ''));
    expect(chats.every((text) => /记录/.test(text))).toBe(true); // evidence is kept, and said so
  });

  it('carry each cause’s own remedy', () => {
    const all = (cause: (typeof CAUSE_CODES)[number]) =>
      TEMPLATES.filter((t) => t.cause === cause).flatMap((t) => textsOf(t, 'zh')).join('');
    expect(all('logistics_damage')).toMatch(/运费到付/);
    expect(all('logistics_damage')).toMatch(/索赔/);
    expect(all('fulfillment_error')).toMatch(/来回运费/);
    expect(all('quality')).toMatch(/照片/);
    expect(all('not_as_described')).toMatch(/尺码表/);
    expect(all('not_as_described')).toMatch(/灯光/);
    expect(all('service_attitude')).toMatch(/培训/);
    expect(all('service_response')).toMatch(/排班/);
    expect(all('price_value')).toMatch(/价保/);
    expect(all('logistics_delay')).toMatch(/快递是我们选的/);
    expect(all('subjective')).toMatch(/隔天/);
  });
});

describe('phone scripts', () => {
  const phones = TEMPLATES.filter((t) => t.channel === 'phone');

  it('go through all four stages in order, starting by confirming who answered', () => {
    for (const t of phones) {
      if (t.channel !== 'phone') continue;
      const stages = t.steps.map((s) => s.stage);
      expect(new Set(stages), t.id).toEqual(new Set(PHONE_STAGES));
      expect(stages[0], t.id).toBe('identify');
      expect(stages[stages.length - 1], t.id).toBe('agree');
      expect(t.steps[0]?.note?.zh, t.id).toMatch(/等对方/);
    }
  });

  it('apologise at least twice over the call', () => {
    for (const t of phones) {
      if (t.channel !== 'phone') continue;
      for (const lang of LANGS) {
        const spoken = t.steps.map((s) => s[lang]).join(' ');
        expect(spoken.match(APOLOGY[lang])?.length ?? 0, `${t.id} (${lang})`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('never guess the buyer’s gender', () => {
    for (const t of phones) {
      if (t.channel !== 'phone') continue;
      expect(t.steps.map((s) => s.zh).join(''), t.id).not.toMatch(/先生|女士|小姐|美女|帅哥/);
      expect(t.steps.map((s) => s.en).join(' '), t.id).not.toMatch(/\b(?:Mr|Mrs|Ms|Miss|sir|madam)\b/i);
    }
  });

  it('agree a concrete time for the next step (except where nothing was promised)', () => {
    for (const t of phones) {
      if (t.channel !== 'phone' || t.cause === 'malicious' || t.id === 'any.phone.after_remedy') continue;
      const agree = t.steps.filter((s) => s.stage === 'agree').map((s) => s.zh).join('');
      expect(agree, t.id).toContain('{agreedTime}');
    }
  });
});

describe('a broken template fails loudly', () => {
  const good = TEMPLATES.find((t) => t.id === 'quality.chat.photo_first')!;
  const phone = TEMPLATES.find((t) => t.id === 'quality.phone.full')!;

  it.each([
    ['an unknown placeholder', { ...good, id: 'quality.chat.bad', text: { zh: '{buyerName}您好', en: 'Hello {buyerName}' } }, 'quality.chat.bad'],
    ['a blank 【】', { ...good, id: 'quality.chat.blank', text: { zh: '您好【】', en: 'Hello' } }, 'quality.chat.blank'],
    ['an unknown cause', { ...good, id: 'nope.chat.x', cause: 'nope' }, 'nope.chat.x'],
    ['an empty text', { ...good, id: 'quality.chat.empty', text: { zh: ' ', en: 'Hi' } }, 'quality.chat.empty'],
    [
      'the buyer named in public',
      { ...good, id: 'quality.explanation.nick', channel: 'explanation', text: { zh: '{buyerNick}您好', en: 'Hi {buyerNick}' } },
      'quality.explanation.nick',
    ],
    [
      'an over-long explanation',
      { ...good, id: 'quality.explanation.long', channel: 'explanation', text: { zh: '抱歉。'.repeat(170), en: 'Sorry.' } },
      'quality.explanation.long',
    ],
    [
      'a call without an apology stage',
      { ...phone, id: 'quality.phone.bad', steps: phone.channel === 'phone' ? phone.steps.filter((s) => s.stage !== 'apologise') : [] },
      'quality.phone.bad',
    ],
    [
      'call stages out of order',
      { ...phone, id: 'quality.phone.order', steps: phone.channel === 'phone' ? [...phone.steps].reverse() : [] },
      'quality.phone.order',
    ],
  ])('rejects %s, naming the template', (_, broken, id) => {
    expect(() => parseTemplates([good, broken])).toThrow(id);
  });

  it('rejects duplicate ids', () => {
    expect(() => parseTemplates([good, good])).toThrow(/unique/);
  });
});
