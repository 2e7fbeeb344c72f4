import { classifyCauses, printedCauses } from '../../lib/causes/classify';
import { CAUSE_CODES, CAUSES, CauseCodeSchema } from '../../lib/causes/taxonomy';
import { expandCue } from '../../lib/causes/matcher';
import { LEXICON } from '../../lib/causes/lexicon';

const codes = (text: string) => classifyCauses(text).causes.map((c) => c.code);
const cause = (text: string, code: string) => classifyCauses(text).causes.find((c) => c.code === code);

describe('taxonomy', () => {
  it('has a Chinese label, an English label and a meaning for every code', () => {
    for (const code of CAUSE_CODES) {
      expect(CAUSES[code].zh).toMatch(/\p{Script=Han}/u);
      expect(CAUSES[code].en.length).toBeGreaterThan(2);
      expect(CAUSES[code].meaning.length).toBeGreaterThan(10);
    }
    expect(CauseCodeSchema.safeParse('quality').success).toBe(true);
    expect(CauseCodeSchema.safeParse('bad_code').success).toBe(false);
  });

  it('every lexicon cue is a valid pattern for an existing cause', () => {
    for (const group of LEXICON) {
      expect(CAUSE_CODES).toContain(group.cause);
      for (const cue of group.cues) expect(() => new RegExp(cue.replace(/…/g, '.*'))).not.toThrow();
    }
  });
});

describe('classifyCauses: what the agent sees', () => {
  it('names a slow courier and shows the words that triggered it', () => {
    const result = classifyCauses('快递太慢了，等了一个星期');
    expect(result.primary).toBe('logistics_delay');
    expect(cause('快递太慢了，等了一个星期', 'logistics_delay')?.triggers).toContain('快递太慢');
  });

  it('does not read a cue into words that only look like one', () => {
    // 好坏 is "good or bad", 才发现 "only then found", 12日货到 a date before 货到, 一星给快递 spares the courier.
    expect(codes('忽略东西好坏，服务很烂')).not.toContain('quality');
    expect(codes('买了以后才发现屏幕有坏点')).not.toContain('fulfillment_error');
    expect(codes('11日下单，12日货到后一看降价了')).not.toContain('malicious');
    expect(classifyCauses('一个星给快递小哥吧，果子都皱了').primary).not.toBe('logistics_delay');
    // Accusing the shop of bought reviews is about trust in the goods, not a malicious review.
    expect(classifyCauses('质量这么差，都是刷单刷上去的吧').primary).toBe('quality');
  });

  it('knows ordinary words for doubts about genuineness, missing gifts and undelivered parcels', () => {
    expect(classifyCauses('条码扫不出来，难道是假的').primary).toBe('quality');
    expect(classifyCauses('说好的送保护套，结果没有').primary).toBe('fulfillment_error');
    expect(classifyCauses('根本不给送货上门').primary).toBe('logistics_delay');
    expect(classifyCauses('打开快递，瓶子盖都开了，洗发水漏了一箱').primary).toBe('logistics_damage');
  });

  it('does not blame the delivery when the buyer says it was not slow or praises it', () => {
    expect(codes('快递不慢，但是衣服线头太多')).not.toContain('logistics_delay');
    expect(classifyCauses('快递不慢，但是衣服线头太多').primary).toBe('quality');
    expect(codes('物流很快，送货速度也快，就是东西有异味')).not.toContain('logistics_delay');
  });

  it('ignores denied damage and lukewarm praise of the quality', () => {
    expect(codes('包装没有破损，就是不喜欢这个颜色')).not.toContain('logistics_damage');
    expect(codes('质量还可以')).not.toContain('quality');
    expect(codes('效果不错，就是有点贵')).not.toContain('quality');
  });

  it('reads intensifiers as stronger evidence', () => {
    expect(cause('快递非常慢', 'logistics_delay')!.score).toBeGreaterThan(cause('快递慢', 'logistics_delay')!.score);
    expect(cause('做工真的很粗糙', 'quality')!.score).toBeGreaterThan(cause('做工粗糙', 'quality')!.score);
  });

  it('tells transit damage from a product defect', () => {
    expect(classifyCauses('箱子都压扁了，牛奶漏了好几盒').primary).toBe('logistics_damage');
    expect(classifyCauses('用了三天就坏了，开不了机').primary).toBe('quality');
  });

  it('blames the shop when it sent the wrong or too little', () => {
    expect(classifyCauses('发错颜色了，我要的是黑色').primary).toBe('fulfillment_error');
    expect(classifyCauses('少发了一件，赠品也没有').primary).toBe('fulfillment_error');
    expect(classifyCauses('付款后五天才发货').primary).toBe('fulfillment_error');
  });

  it('recognises listings that do not match what arrived', () => {
    expect(classifyCauses('色差太大了').primary).toBe('not_as_described');
    expect(classifyCauses('实物和图片完全不一样').primary).toBe('not_as_described');
    expect(classifyCauses('按尺码表买的，结果偏小一码').primary).toBe('not_as_described');
  });

  it('separates an unanswered buyer from a rude one', () => {
    expect(classifyCauses('客服不理人，问了三遍都没回复').primary).toBe('service_response');
    expect(classifyCauses('客服态度极差，还骂人').primary).toBe('service_attitude');
  });

  it('puts a courier’s rudeness on the delivery, not on the shop', () => {
    expect(classifyCauses('快递员态度差，还凶我').primary).toBe('logistics_delay');
  });

  it('treats a refused return or repair as an after-sales dispute', () => {
    expect(classifyCauses('衣服大了想换小一码，卖家不给换').primary).toBe('after_sales');
    expect(classifyCauses('热水器安装师傅乱收费，材料费要了三百').primary).toBe('after_sales');
  });

  it('recognises price complaints', () => {
    expect(classifyCauses('刚买就降价了，差了五十块').primary).toBe('price_value');
    expect(classifyCauses('超市才卖二十块，这里贵了一倍').primary).toBe('price_value');
  });

  it('calls a vague dislike subjective, but a concrete defect wins over it', () => {
    expect(classifyCauses('不喜欢，感觉一般般').primary).toBe('subjective');
    expect(classifyCauses('太失望了，不好吃，不甜').primary).toBe('subjective');
    expect(classifyCauses('太失望了，苹果都烂了，不会再买').primary).toBe('quality');
  });

  it('puts extortion and competitors above every other complaint', () => {
    expect(classifyCauses('质量太差，不给我返现20元就一直给差评').primary).toBe('malicious');
    expect(classifyCauses('好评返现呢？不返现我就改差评').primary).toBe('malicious');
    expect(classifyCauses('同行来踩一下，东西太烂').primary).toBe('malicious');
  });

  it('puts a courier or pick-up point that cannot be reached on the delivery, a silent shop on the service', () => {
    expect(classifyCauses('快递员电话一直打不通，包裹也不知道在哪').primary).toBe('logistics_delay');
    expect(classifyCauses('物流倒是挺快，就是电话打不通，只好自己去网点拿').primary).toBe('logistics_delay');
    expect(classifyCauses('卖家电话打不通，留言也没人回').primary).toBe('service_response');
  });

  it('knows everyday words for shrinking, fragile goods, wrong sizes and shipping mix-ups', () => {
    expect(classifyCauses('毛衣越洗越小，现在穿不下了').primary).toBe('quality');
    expect(classifyCauses('手柄一拉就断，太不结实').primary).toBe('quality');
    expect(classifyCauses('鞋子买小了，挤脚').primary).toBe('not_as_described');
    expect(classifyCauses('明明拍的是白色，到手一看是灰的').primary).toBe('fulfillment_error');
    expect(classifyCauses('保修期内坏了，还要我自己出维修费').primary).toBe('after_sales');
    expect(classifyCauses('买了以后积分一直没到账，优惠券也领不到').primary).toBe('other');
  });

  it('does not take an everyday curse for a malicious review', () => {
    expect(classifyCauses('卧槽，屏幕有坏点').primary).toBe('quality');
  });

  it('always returns at least one cause, the primary first', () => {
    for (const text of ['', '   ', '嗯', 'asdf', '差评']) {
      const result = classifyCauses(text);
      expect(result.causes.length).toBeGreaterThan(0);
      expect(result.causes[0]?.code).toBe(result.primary);
    }
    expect(classifyCauses('').primary).toBe('subjective');
  });

  it('lists every cause found, the main one first, quoting triggers from the original text', () => {
    const text = 'ＴＨＥ快递太慢，而且质量很差，做工粗糙，有线头';
    const result = classifyCauses(text);
    expect(result.primary).toBe('quality');
    expect(result.causes.map((c) => c.code)).toEqual(['quality', 'logistics_delay']);
    expect(result.causes[0]!.triggers).toEqual(expect.arrayContaining(['质量很差', '线头']));
    for (const c of result.causes) for (const t of c.triggers) expect(text).toContain(t);
  });

  it('keeps the words of a full-width or upper-case review as the buyer wrote them', () => {
    const text = '手机ＵＳＢ接口松动，客服不回复！';
    const triggers = classifyCauses(text).causes.flatMap((c) => c.triggers);
    expect(triggers.some((t) => t.includes('不回'))).toBe(true);
    expect(triggers.some((t) => t.startsWith('ＵＳＢ'))).toBe(true);
    for (const t of triggers) expect(text).toContain(t);
  });

  it('does not read an ASCII cue inside a longer word', () => {
    expect(codes('usb接口松动')).not.toContain('malicious');
  });

  it('gives every cause a probability, the primary the highest, and quotes the lexicon’s words when it has any', () => {
    const result = classifyCauses('物流太慢了，而且收到的苹果都烂了');
    expect(result.causes.map((c) => c.code)).toEqual(expect.arrayContaining(['quality', 'logistics_delay']));
    for (const c of result.causes) {
      expect(c.probability).toBeGreaterThanOrEqual(0);
      expect(c.probability).toBeLessThanOrEqual(1);
      expect(c.probability).toBeLessThanOrEqual(result.causes[0]!.probability);
      expect(c.triggers.length).toBeGreaterThan(0);
    }
    expect(cause('物流太慢了，而且收到的苹果都烂了', 'logistics_delay')?.triggers).toContain('物流太慢');
  });

  it('treats a rude or silent shop as a service problem even though such reviews are rare in the training data', () => {
    expect(classifyCauses('客服一直不回复消息，等了两天').primary).toBe('service_response');
    expect(classifyCauses('问个问题客服就不耐烦，态度恶劣').primary).toBe('service_attitude');
  });
});

describe('the one-click chips', () => {
  it('are the two most likely causes, the main one first, each with words when the review has any', () => {
    const result = classifyCauses('快递太慢了，一个星期才到，客服也不回消息');
    expect(result.chips.map((c) => c.code)).toEqual(['logistics_delay', 'service_response']);
    expect(result.chips.every((c) => c.triggers.length > 0)).toBe(true);
    expect(result.ranked).toHaveLength(12);
    expect(result.ranked.slice(0, 2)).toEqual(result.chips.map((c) => c.code));
    expect(printedCauses(result).slice(0, 2)).toEqual(['logistics_delay', 'service_response']);
  });

  it('offer a second cause even when the review names only one', () => {
    const result = classifyCauses('色差太大了');
    expect(result.causes.map((c) => c.code)).toEqual(['not_as_described']);
    expect(result.chips).toHaveLength(2);
    expect(result.chips[0]?.code).toBe('not_as_described');
    expect(printedCauses(result)).toHaveLength(2);
  });
});

describe('expandCue', () => {
  it('expands choices and optional parts into phrases', () => {
    expect(expandCue('(发|寄)错(了)?')?.sort()).toEqual(['发错', '发错了', '寄错', '寄错了']);
  });

  it('leaves gaps and regular-expression syntax to the regex path', () => {
    expect(expandCue('快递…慢')).toBeNull();
    expect(expandCue('(只要|才)\\d+')).toBeNull();
  });
});
