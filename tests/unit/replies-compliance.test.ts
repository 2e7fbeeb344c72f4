import { checkCompliance, countChars, normalise, type ComplianceOptions, type IssueCode } from '../../lib/replies/compliance';

const chat = (lang: 'zh' | 'en' = 'zh'): ComplianceOptions => ({ channel: 'chat', lang });
const publicZh: ComplianceOptions = { channel: 'explanation', lang: 'zh' };
const publicEn: ComplianceOptions = { channel: 'explanation', lang: 'en' };

const codes = (text: string, options: ComplianceOptions, severity?: 'block' | 'warn') =>
  checkCompliance(text, options)
    .issues.filter((i) => !severity || i.severity === severity)
    .map((i) => i.code);

/** Texts that must be refused, with the reason expected. Comments say which trick each one tests. */
const VIOLATIONS: [text: string, options: ComplianceOptions, code: IssueCode][] = [
  // reward tied to a review change, Chinese
  ['好评返现', chat(), 'conditional-reward'],
  ['好 评 返 现', chat(), 'conditional-reward'], // spaced out
  ['好，评，返，现', chat(), 'conditional-reward'], // punctuation between single characters
  ['好*评*返😊现', chat(), 'conditional-reward'], // decorative marks and emoji
  ['ＨＰ返５元', chat(), 'conditional-reward'], // full-width letters and digits, pinyin initials for 好评
  ['好評返現', chat(), 'conditional-reward'], // traditional characters
  ['5星好评返3元', chat(), 'conditional-reward'],
  ['⭐⭐⭐⭐⭐好评返红包', chat(), 'conditional-reward'], // stars as emoji
  ['删评送优惠券', chat(), 'conditional-reward'],
  ['删差评送小礼品一份', chat(), 'conditional-reward'],
  ['改评价后退款', chat(), 'conditional-reward'],
  ['改成好评我就退你10元', chat(), 'conditional-reward'],
  ['您改成好评后我们马上退款', chat(), 'conditional-reward'],
  ['追评好评送运费险', chat(), 'conditional-reward'],
  ['把差评删了就给您补发', chat(), 'conditional-reward'], // a remedy made conditional is still a bribe
  ['五星好评！返5元', chat(), 'conditional-reward'], // slogan split by an exclamation mark
  ['送您一张优惠券，只要您帮忙改个好评', chat(), 'conditional-reward'], // reward first, condition after
  ['如果您愿意改成好评，我们给您返5元', chat(), 'conditional-reward'],
  ['亲，麻烦把评价改一下，改完给您转20块钱', chat(), 'conditional-reward'],
  ['用一个红包换个好评可以吗', chat(), 'conditional-reward'],
  ['晒图好评有礼', chat(), 'conditional-reward'],
  // reward tied to a review change, English
  ['You get a coupon if you update your review.', chat('en'), 'conditional-reward'],
  ["Change your rating to 5 stars and we'll refund you $10.", chat('en'), 'conditional-reward'],
  ['Leave a 5-star review and get a free gift!', chat('en'), 'conditional-reward'],
  ['We will send the refund after you delete the review.', chat('en'), 'conditional-reward'],
  ['Cashback for a positive review!', chat('en'), 'conditional-reward'],
  ['A red packet in exchange for a five-star review.', chat('en'), 'conditional-reward'],
  // pressure and threats
  ['不改的话我们就天天给你打电话', chat(), 'pressure'],
  ['您必须今天改评价', chat(), 'pressure'],
  ['再不删差评，我们就投诉你', chat(), 'pressure'],
  ['我们会把你的信息曝光', chat(), 'pressure'],
  ['你这是恶意差评，我们已经找律师了', chat(), 'pressure'],
  ['麻烦您改一下评价，求求您改成好评吧，改个好评吧', chat(), 'pressure'], // asked three times
  ["If you don't change your review we will report you.", chat('en'), 'pressure'],
  ['You must update your review today.', chat('en'), 'pressure'],
  ['We will keep calling until you remove the review.', chat('en'), 'pressure'],
  // public explanation
  ['非常抱歉，麻烦您修改一下评价。', publicZh, 'asks-review-in-public'],
  ['期待您的五星好评！', publicZh, 'asks-review-in-public'],
  ['Sorry about this. Please update your review once you receive the new one.', publicEn, 'asks-review-in-public'],
  ['已为您补偿20元，请注意查收。', publicZh, 'private-data-in-public'],
  ['我们已按您留的电话138 1234 5678联系您。', publicZh, 'private-data-in-public'],
  ['订单号 4012345678901234567 已处理。', publicZh, 'private-data-in-public'],
  ['已寄到您填写的幸福路88号3单元502室。', publicZh, 'private-data-in-public'],
  ['We refunded you ¥15 as compensation.', publicEn, 'private-data-in-public'],
  // unfilled placeholders
  ['{buyerNick}您好，这边给您安排补发。', chat(), 'unfilled-placeholder'],
  ['您好【】，我们已经为您补发。', chat(), 'unfilled-placeholder'],
  ['您好【买家昵称】，补发已安排。', chat(), 'unfilled-placeholder'],
  ['Hello {agentName}, your refund is on its way.', chat('en'), 'unfilled-placeholder'],
  ['我们会在___前处理好。', chat(), 'unfilled-placeholder'],
];

/** Legitimate remedies and polite, no-strings requests: none may be blocked. */
const LEGITIMATE: [text: string, options: ComplianceOptions][] = [
  ['我们马上给您补发。', chat()],
  ['运费我们来承担。', chat()],
  ['部分退款已经提交，请您留意查收。', chat()],
  ['问题解决后，如果您觉得满意，方便的话可以帮忙更新一下评价。', chat()],
  ['我们已经给您补发了。问题解决后，如果您觉得满意，方便的话可以帮忙更新一下评价，不方便也完全没关系。', chat()],
  ['部分退款已经提交，问题解决后如果您方便可以更新一下评价。', chat()],
  ['无论您是否修改评价，退款都会照常到账。', chat()],
  ['非常抱歉，换货的来回运费都由我们承担，新的一件今天下午就发出。', chat()],
  ['退款已经原路退回，一般1到3个工作日到账。', chat()],
  ['我们不会再打扰您，祝您生活愉快。', chat()],
  ['请您5分钟后留意一下退款到账。', chat()], // 5分钟 is not a five-point rating
  ['优惠券是店铺的日常活动，所有顾客都可以领取。', chat()],
  ['我们已为您申请价保，差价会退回到您的支付宝。', chat()],
  ['这一块我们会加强质检，配送的问题也已经反馈给快递。', chat()],
  ['评价是您的权利，按您的真实感受来就好。', chat()],
  ['新的一件今天就给您发出，单号稍后发您。', chat()],
  ['我们绝不会用返现换好评，补发和退运费是对这次问题的弥补。', chat()],
  ['We have sent a replacement and covered the return postage.', chat('en')],
  ["Once the new one arrives and you're happy with it, would you mind updating your review? No pressure at all.", chat('en')],
  ['Feel free to update your review if you wish; the refund has already been issued either way.', chat('en')],
  ['If the size still does not fit, we can exchange it for free, and the return shipping is on us.', chat('en')],
  ['非常抱歉让您久等了。我们已经把问题反馈给快递公司，并加强了在途包裹的跟踪。', publicZh],
  ['商品运费到付寄回，换新或退款按您的意愿处理，向快递公司索赔由我们负责。', publicZh],
  ['这款尺码是平铺测量的，可能有1～2厘米误差，XXL码偏大一些。', publicZh], // XXL is a size, not a blank
  ['We are very sorry for the delay and have raised it with the courier.', publicEn],
];

describe('checkCompliance: violations', () => {
  it.each(VIOLATIONS)('flags %j', (text, options, code) => {
    const result = checkCompliance(text, options);
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.severity === 'block').map((i) => i.code)).toContain(code);
  });

  it('covers at least 25 violations in both languages', () => {
    expect(VIOLATIONS.length).toBeGreaterThanOrEqual(25);
    expect(VIOLATIONS.some(([, o]) => o.lang === 'en')).toBe(true);
  });

  it('explains every issue in both languages, suggests a rewording and points at the words', () => {
    for (const [text, options] of VIOLATIONS) {
      for (const issue of checkCompliance(text, options).issues) {
        expect(issue.message.zh).toMatch(/\p{Script=Han}/u);
        expect(issue.message.en.length).toBeGreaterThan(10);
        expect(issue.suggestion.zh).toMatch(/\p{Script=Han}/u);
        expect(issue.suggestion.en.length).toBeGreaterThan(10);
        expect(issue.excerpt.length).toBeGreaterThan(0);
        expect(text.slice(issue.start, issue.end)).toBe(issue.excerpt);
      }
    }
  });

  it('gives a compliant example rewording for a conditional reward', () => {
    const [issue] = checkCompliance('改成好评我就退你10元', chat()).issues;
    expect(issue?.code).toBe('conditional-reward');
    // The suggested wording itself passes the check.
    const example = /“(.+)”/.exec(issue!.suggestion.zh)?.[1] ?? '';
    expect(example).not.toBe('');
    expect(checkCompliance(example, chat()).issues).toEqual([]);
    const exampleEn = /"(.+)"/.exec(issue!.suggestion.en)?.[1] ?? '';
    expect(checkCompliance(exampleEn, chat('en')).issues).toEqual([]);
  });

  it('shows the whole offending phrase, in the original spelling', () => {
    const [issue] = checkCompliance('亲，好 评 返 现哦', chat()).issues;
    expect(issue?.excerpt).toBe('好 评 返 现');
    expect(checkCompliance('5星好评返3元', chat()).issues[0]?.excerpt).toBe('5星好评返3元');
  });
});

describe('checkCompliance: legitimate remedies and requests', () => {
  it.each(LEGITIMATE)('does not block %j', (text, options) => {
    const result = checkCompliance(text, options);
    expect(result.issues.filter((i) => i.severity === 'block')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('covers at least 15 legitimate texts', () => {
    expect(LEGITIMATE.length).toBeGreaterThanOrEqual(15);
  });

  it('raises no conditional-reward issue at all for the plain remedies of the brief', () => {
    for (const text of ['我们马上给您补发', '运费我们来承担', '部分退款已经提交']) {
      expect(checkCompliance(text, chat()).issues).toEqual([]);
    }
  });

  it('only warns when a remedy merely follows a review request in the same sentence', () => {
    const result = checkCompliance('方便的话帮忙更新一下评价，补发的那件也已经寄出了', chat());
    expect(result.ok).toBe(true);
    expect(codes('方便的话帮忙更新一下评价，补发的那件也已经寄出了', chat(), 'warn')).toContain('conditional-reward');
  });

  it('warns, without blocking, when the review is asked for twice', () => {
    const text = '方便的话可以更新一下评价。真的麻烦您帮忙修改一下评价。';
    expect(checkCompliance(text, chat()).ok).toBe(true);
    expect(codes(text, chat(), 'warn')).toContain('pressure');
  });

  it('warns on guilt-tripping and name-calling', () => {
    expect(codes('您不改的话我这个月要被扣工资的', chat())).toContain('pressure');
    expect(codes('这位顾客无理取闹，大家不要相信', publicZh, 'warn')).toContain('pressure');
  });

  it('allows a polite request in chat but not in the public explanation', () => {
    const text = '问题解决后，如果您觉得满意，方便的话可以帮忙更新一下评价。';
    expect(checkCompliance(text, chat()).ok).toBe(true);
    expect(codes(text, publicZh, 'block')).toContain('asks-review-in-public');
  });
});

describe('public explanation rules', () => {
  it('counts every character as one, the way Taobao does', () => {
    expect(countChars('好评')).toBe(2);
    expect(countChars('谢谢！😊')).toBe(4);
    expect(countChars('a，b')).toBe(3);
    expect(countChars('𠮷')).toBe(1); // outside the BMP: one character, two UTF-16 units
  });

  it('allows exactly 500 characters and blocks 501, pointing at the overflow', () => {
    const body = '非常抱歉给您带来不便。'.repeat(50).slice(0, 499);
    expect(checkCompliance(`${body}。`, publicZh).ok).toBe(true);
    const over = checkCompliance(`${body}😊😊`, publicZh);
    expect(over.ok).toBe(false);
    const issue = over.issues.find((i) => i.code === 'too-long');
    expect(issue?.excerpt).toBe('😊');
    expect(issue?.message.zh).toContain('501');
  });

  it('does not apply the length limit to chat', () => {
    expect(checkCompliance('好的。'.repeat(300), chat()).ok).toBe(true);
  });

  it('warns about a bare amount and blocks a compensation amount', () => {
    expect(codes('这款面料每米成本就要80元。', publicZh, 'warn')).toContain('private-data-in-public');
    expect(codes('这款面料每米成本就要80元。', publicZh, 'block')).toEqual([]);
    expect(codes('已经给您退了8元运费。', publicZh, 'block')).toContain('private-data-in-public');
  });

  it('warns when the buyer nickname appears publicly', () => {
    expect(codes('t**8您好，非常抱歉。', { ...publicZh, buyerNick: 't**8' }, 'warn')).toContain('private-data-in-public');
    expect(codes('t**8您好，非常抱歉。', publicZh, 'warn')).toContain('private-data-in-public');
    expect(codes('t**8您好，非常抱歉。', { ...publicZh, buyerNick: 't**8' }).length).toBe(1);
  });

  it('does not flag phone numbers or amounts in chat, where they may be needed', () => {
    expect(checkCompliance('退款8元已提交，快递员电话13812345678。', chat()).issues).toEqual([]);
  });

  it('treats "XX" as a likely blank but not XXL', () => {
    expect(codes('您好XX，我们已为您补发。', chat(), 'warn')).toContain('unfilled-placeholder');
    expect(checkCompliance('给您换成XXL码', chat()).issues).toEqual([]);
  });
});

describe('normalise', () => {
  it('joins spaced-out or decorated characters and keeps ordinary sentences', () => {
    expect(normalise('好 评 返 现').s).toBe('好评返现');
    expect(normalise('好-评-返-现').s).toBe('好评返现');
    expect(normalise('好，评，返，现').s).toBe('好评返现');
    // Full-width punctuation becomes half-width (NFKC); sentences keep their punctuation.
    expect(normalise('我们已经补发，请注意查收！').s).toBe('我们已经补发,请注意查收!');
    expect(normalise('Update your review').s).toBe('update your review');
  });

  it('maps every normalised character back to the original text', () => {
    const text = 'Ａ 好 评';
    const { s, from } = normalise(text);
    expect(s).toBe('a好评');
    expect(from.map((f) => text.slice(f.start, f.end))).toEqual(['Ａ', '好', '评']);
  });
});

describe('an empty text', () => {
  it.each(['', '   ', '\n\t '])('blocks copying with a reason (%j)', (text) => {
    for (const channel of ['explanation', 'chat', 'phone'] as const) {
      const result = checkCompliance(text, { channel, lang: 'zh' });
      expect(result.ok).toBe(false);
      expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['empty', 'block']]);
      expect(result.issues[0]?.message.zh).toContain('空');
    }
  });
});

describe('blanks in a phone script', () => {
  it('warn instead of blocking: the agent fills them in while speaking', () => {
    const phone = checkCompliance('4. 约定：那我们约好{agreedTime}再联系您，可以吗？', { channel: 'phone', lang: 'zh' });
    expect(phone.ok).toBe(true);
    expect(phone.issues.map((i) => [i.code, i.severity])).toEqual([['unfilled-placeholder', 'warn']]);
    const chat = checkCompliance('那我们约好{agreedTime}再联系您，可以吗？', { channel: 'chat', lang: 'zh' });
    expect(chat.ok).toBe(false);
  });
});
