import { checkCompliance } from '../../lib/replies/compliance';
import { fillTemplate, phoneScriptText, renderTemplate, suggestionsFor } from '../../lib/replies/fill';
import { FillData, type PhoneTemplate, type ReplyTemplate } from '../../lib/replies/schema';
import { TEMPLATES, templateById, templatesFor } from '../../lib/replies/templates';

const DATA: FillData = {
  buyerNick: 'w**',
  itemTitle: '纯棉短袖T恤',
  shopName: '棉棉小店',
  agent: '售后客服小叶',
  remedy: { zh: '补发一件新的', en: 'a free replacement' },
  agreedTime: { zh: '明天中午12点', en: 'noon tomorrow' },
  problem: { zh: '有异味', en: 'has an unpleasant smell' },
  fix: { zh: '麻烦您拍张照片给我。', en: 'Could you send me a photo?' },
};

describe('fillTemplate', () => {
  it('fills every known placeholder, picking the language of zh/en values', () => {
    const text = '{buyerNick}您好，{shopName}为您安排{remedy}，{agreedTime}前办好。';
    expect(fillTemplate(text, DATA, 'zh')).toEqual({ text: 'w**您好，棉棉小店为您安排补发一件新的，明天中午12点前办好。', missing: [] });
    expect(fillTemplate('We will arrange {remedy} by {agreedTime}.', DATA, 'en').text).toBe(
      'We will arrange a free replacement by noon tomorrow.',
    );
  });

  it('keeps empty, blank and unknown placeholders visible and reports each once, in order', () => {
    const result = fillTemplate('{buyerNick}您好，{remedy}，{foo}，再说一次{remedy}', { buyerNick: '  ', remedy: { zh: '', en: 'x' } }, 'zh');
    expect(result.text).toBe('{buyerNick}您好，{remedy}，{foo}，再说一次{remedy}');
    expect(result.missing).toEqual(['buyerNick', 'remedy', 'foo']);
  });

  it('trims values and never expands placeholders inside a value', () => {
    const result = fillTemplate('{buyerNick}您好', { buyerNick: '  {shopName} ' }, 'zh');
    expect(result.text).toBe('{shopName}您好');
    expect(result.missing).toEqual([]);
  });

  it('does not treat inherited object keys as data', () => {
    expect(fillTemplate('{constructor}{toString}', {}, 'zh').missing).toEqual(['constructor', 'toString']);
  });

  it('accepts fill data checked by its schema', () => {
    expect(FillData.safeParse(DATA).success).toBe(true);
    expect(FillData.safeParse({ remedy: { zh: '补发' } }).success).toBe(false);
    expect(FillData.safeParse({ buyerNick: 3 }).success).toBe(false);
  });
});

describe('phoneScriptText', () => {
  const script = templateById('quality.phone.full') as PhoneTemplate;

  it('numbers the steps with their stage and adds the agent notes', () => {
    const { text, missing } = phoneScriptText(script, DATA, 'zh');
    const lines = text.split('\n');
    expect(missing).toEqual([]);
    expect(lines).toHaveLength(script.steps.length);
    expect(lines[0]).toMatch(/^1\. 确认身份：您好/);
    expect(lines[0]).toContain('（提示：');
    expect(lines[1]).toMatch(/^2\. 致歉：/);
    expect(lines.at(-1)).toMatch(new RegExp(`^${script.steps.length}\\. 约定下一步：`));
    expect(text).toContain('棉棉小店');
  });

  it('writes the English script with English labels', () => {
    const { text } = phoneScriptText(script, DATA, 'en');
    expect(text.split('\n')[0]).toMatch(/^1\. Confirm identity: Hello/);
    expect(text).toContain('(Note: ');
    expect(text).toContain('a free replacement');
  });

  it('reports placeholders missing anywhere in the script', () => {
    expect(phoneScriptText(script, { shopName: '棉棉小店' }, 'zh').missing).toEqual(
      expect.arrayContaining(['agent', 'itemTitle', 'remedy', 'agreedTime']),
    );
  });
});

describe('renderTemplate', () => {
  it('renders text templates as their text and phone templates as the numbered script', () => {
    const chat = templatesFor('quality', 'chat')[0]!;
    const phone = templatesFor('quality', 'phone')[0]!;
    expect(renderTemplate(chat, DATA, 'zh').text.startsWith('w**您好')).toBe(true);
    expect(renderTemplate(phone, DATA, 'zh').text.startsWith('1. ')).toBe(true);
  });
});

describe('suggestionsFor', () => {
  it('ranks the primary cause first, then the other causes, then the generic variants', () => {
    const list = suggestionsFor(['quality', 'logistics_delay'], 'chat', DATA, 'zh');
    const causes = list.map((s) => s.cause);
    const firstOther = causes.indexOf('logistics_delay');
    const firstAny = causes.indexOf('any');
    expect(causes[0]).toBe('quality');
    expect(firstOther).toBeGreaterThan(causes.lastIndexOf('quality'));
    expect(firstAny).toBeGreaterThan(causes.lastIndexOf('logistics_delay'));
    expect(list.map((s) => s.rank)).toEqual([...list.map((s) => s.rank)].sort((a, b) => a - b));
    expect(list.filter((s) => s.cause === 'quality').map((s) => s.template.id)).toEqual(
      templatesFor('quality', 'chat').map((t) => t.id),
    );
  });

  it('only returns the requested channel, filled in', () => {
    const list = suggestionsFor(['after_sales'], 'phone', DATA, 'en');
    expect(list.length).toBeGreaterThanOrEqual(4); // two for the cause, two generic
    for (const s of list) {
      expect(s.template.channel).toBe('phone');
      expect(s.missing).toEqual([]);
      expect(s.text).not.toMatch(/\{\w+\}/);
    }
  });

  it("falls back to 'other' when no cause is known, and ignores duplicates", () => {
    expect(suggestionsFor([], 'explanation', DATA, 'zh')[0]?.cause).toBe('other');
    const twice = suggestionsFor(['price_value', 'price_value'], 'chat', DATA, 'zh');
    expect(new Set(twice.map((s) => s.template.id)).size).toBe(twice.length);
  });

  it('reports missing data per suggestion so the UI can ask for it', () => {
    const [first] = suggestionsFor(['fulfillment_error'], 'chat', { shopName: '棉棉小店' }, 'zh');
    expect(first?.missing).toEqual(expect.arrayContaining(['buyerNick', 'agent']));
  });

  it('offers only compliant texts for every cause and channel once the data is complete', () => {
    const causes = [...new Set(TEMPLATES.map((t) => t.cause))].filter((c): c is Exclude<ReplyTemplate['cause'], 'any'> => c !== 'any');
    for (const cause of causes) {
      for (const channel of ['explanation', 'chat', 'phone'] as const) {
        for (const lang of ['zh', 'en'] as const) {
          for (const s of suggestionsFor([cause], channel, DATA, lang)) {
            expect(checkCompliance(s.text, { channel, lang }).ok, s.template.id).toBe(true);
          }
        }
      }
    }
  });

  it('accepts a custom template list', () => {
    const custom = templatesFor('other', 'chat').map((t) => ({ ...t, id: `${t.id}_custom` }));
    expect(suggestionsFor(['other'], 'chat', DATA, 'zh', custom).map((s) => s.template.id)).toEqual(custom.map((t) => t.id));
  });
});
