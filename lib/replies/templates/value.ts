/**
 * Price and value (price_value) and personal dislike or mood (subjective).
 * Price: explain what the price covers, offer the shop's price protection where it has one; never argue
 * that the buyer is wrong. Subjective: gentle, no pressure, contact the next day rather than at once, no
 * request about the review at all.
 */
import { OPTIONAL_REVIEW_ASK, agreeStep, closingStep, identifyStep, type RawTemplate } from './common';

export const VALUE_TEMPLATES: RawTemplate[] = [
  // -------------------------------------------------------------------------------------- price_value
  {
    id: 'price_value.explanation.what_it_covers',
    cause: 'price_value',
    channel: 'explanation',
    variant: { zh: '价格包含什么', en: 'What the price covers' },
    text: {
      zh: '您好，谢谢您的反馈。您提到{problem}，很抱歉这次购物没让您满意。这款{itemTitle}的价格里包含了用料和做工的成本、出厂前的质检，以及售后保障，我们希望它用得久、用得放心。如果店铺为这款商品提供价保，购买后不久遇到降价，可以联系客服按价保规则申请退差价。我们也会继续优化成本，让价格更实在。',
      en: 'Hello, thank you for the feedback. You mentioned that {problem}, and we are sorry. The price of this {itemTitle} covers materials, workmanship, factory checks and after-sales support. Where our shop offers price protection on an item and the price drops soon after purchase, our team can refund the difference under those rules. We will keep working on our costs to keep prices fair.',
    },
  },
  {
    id: 'price_value.explanation.short',
    cause: 'price_value',
    channel: 'explanation',
    variant: { zh: '简短说明', en: 'Short note' },
    text: {
      zh: '非常感谢您坦率的评价，也很抱歉价格没有达到您的预期。我们定价时考虑的不只是商品本身，还有质检、包装和售后保障。不同时期的活动价格会有差别，由此带来的落差我们能理解。对价格有任何疑问，欢迎随时联系客服，我们会耐心说明。',
      en: 'Thank you for your frank review, and we are sorry the price did not live up to your expectations. Our pricing reflects not just the item itself but also quality checks, packaging and after-sales support. Promotional prices vary from one period to another, and we understand how that can feel. If you have any questions about pricing, please contact our team at any time and we will gladly explain.',
    },
  },
  {
    id: 'price_value.chat.first_contact',
    cause: 'price_value',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说{problem}，很抱歉这次没让您满意。{fix}',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that {problem}, and I'm sorry it didn't satisfy you. {fix}",
    },
  },
  {
    id: 'price_value.chat.confirm',
    cause: 'price_value',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。帮您核对过了，这边为您安排：{remedy}，会在{agreedTime}前办好，到时我再跟您确认。谢谢您的理解，这次没能让您觉得物有所值，还是要跟您说声抱歉。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. I've checked everything, and we have arranged {remedy} for you; it will be done by {agreedTime}, and I'll confirm with you then. Thank you for understanding, and I'm sorry this purchase didn't feel like good value. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'price_value.phone.full',
    cause: 'price_value',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说{problem}，特意打电话来听听您的想法。没能让您满意，真的很抱歉。',
        en: "I saw that {problem}, so I'm calling to hear what you think. I'm really sorry it didn't satisfy you.",
      },
      {
        stage: 'apologise',
        zh: '能跟我具体说说吗？……明白了，换作是我也会觉得不舒服，再次跟您说声抱歉。',
        en: "Could you tell me a bit more? … I understand; I'd feel the same. I'm sorry again.",
        note: {
          zh: '不争论价格贵不贵；如果是降价，查一下下单时间和店铺的价保规则。',
          en: 'Do not argue about whether it is expensive; if the price dropped, check the order date and the shop\'s price-protection rules.',
        },
      },
      {
        stage: 'remedy',
        zh: '{fix}针对您说的情况，我们给您安排{remedy}，您看可以吗？',
        en: "{fix} For your situation, we'd like to arrange {remedy}. Would that be all right?",
      },
      agreeStep(),
      closingStep({ zh: '谢谢您跟我说这些，这次没让您满意，再次抱歉。', en: "Thank you for telling me, and sorry again that it didn't meet your expectations." }),
    ],
  },
  {
    id: 'price_value.phone.short',
    cause: 'price_value',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '您说{problem}，真的很抱歉让您不舒服。',
        en: "I'm really sorry to hear that {problem}.",
      },
      {
        stage: 'remedy',
        zh: '我帮您核对过了，给您安排{remedy}。再次抱歉。',
        en: "I've checked your order, and we'll arrange {remedy} for you. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您办好，我在旺旺上跟您确认。谢谢您，再见。',
        en: "It will be done by {agreedTime}, and I'll confirm on Wangwang. Thank you, goodbye.",
      },
    ],
  },

  // --------------------------------------------------------------------------------------- subjective
  {
    id: 'subjective.explanation.listen',
    cause: 'subjective',
    channel: 'explanation',
    variant: { zh: '感谢真实感受', en: 'Thanks for the honesty' },
    text: {
      zh: '您好，谢谢您花时间写下真实的感受。这次的商品{problem}，很抱歉。每个人对商品的期待和喜好都不一样，您的感受我们会转给负责选品的同事，以后介绍商品时说得更清楚、更贴近实物。如果商品不合心意，在退换期内可以联系客服办理。祝您生活愉快。',
      en: "Hello, thank you for taking the time to share your honest impression; we are sorry the item {problem}. Everyone's tastes and expectations differ; we will pass your comments on to the colleagues who choose our products, so we can describe them more clearly and faithfully. If the item isn't to your liking, our team can help with a return or exchange within the return period. Wishing you all the best.",
    },
  },
  {
    id: 'subjective.explanation.short',
    cause: 'subjective',
    channel: 'explanation',
    variant: { zh: '简短回应', en: 'Short reply' },
    text: {
      zh: '很遗憾这次的商品没有给您带来好心情，我们真诚地向您说声抱歉。您的感受对我们很重要，我们会转达给负责选品和设计的同事参考。{shopName}希望下次能带给您更满意的体验。',
      en: 'We are sorry this item did not bring you the joy you hoped for, and we sincerely apologise. Your impressions matter to us, and we will pass them on to the colleagues who choose and design our products. {shopName} hopes to give you a better experience next time.',
    },
  },
  {
    id: 'subjective.chat.next_day',
    cause: 'subjective',
    channel: 'chat',
    variant: { zh: '隔天轻声问候', en: 'Gentle next-day note' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}，不好意思打扰您一下。看到您说这次买的{itemTitle}{problem}，很抱歉没能让您开心。{fix}如果实在不喜欢，在退换期内可以帮您办理退换，您看怎么方便。',
      en: "Hello {buyerNick}, this is {agent} at {shopName}; sorry to bother you. I saw that the {itemTitle} {problem}, and I'm sorry it didn't bring you joy. {fix} If you really don't like it, we can help with a return or exchange within the return period, whatever suits you.",
    },
  },
  {
    id: 'subjective.chat.thanks',
    cause: 'subjective',
    channel: 'chat',
    variant: { zh: '感谢并安排', en: 'Thank and arrange' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。谢谢您愿意跟我说这些，您的意见我已经转给负责选品的同事了。按您的意思，我们为您安排{remedy}，会在{agreedTime}前办好。这次没能让您满意，还是要跟您说声抱歉，祝您这几天一切顺心。',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. Thank you for sharing that with me; I've passed your comments on to the colleagues who choose our products. As you wished, we have arranged {remedy} for you, to be done by {agreedTime}. I'm sorry again that this one didn't please you, and I hope the next few days go smoothly for you.",
    },
  },
  {
    id: 'subjective.phone.gentle',
    cause: 'subjective',
    channel: 'phone',
    variant: { zh: '温和回访（隔天）', en: 'Gentle call (next day)' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说这次买的东西{problem}，想跟您说声抱歉，没能让您开心。',
        en: "I saw that your purchase {problem}, and I wanted to say sorry that it didn't please you.",
        note: {
          zh: '评价当天不要打，隔天再联系；语气放轻，对方不想多聊就礼貌结束。',
          en: 'Do not call on the day of the review; wait until the next day. Keep it light, and end politely if the buyer does not want to talk.',
        },
      },
      {
        stage: 'apologise',
        zh: '方便跟我说说，主要是哪里和您想的不一样吗？……明白了，谢谢您告诉我，这些我们会转给负责选品的同事。给您添了不愉快，再次抱歉。',
        en: "Would you mind telling me what felt different from what you expected? … I see, thank you for telling me; I'll pass this on to the colleagues who choose our products. Sorry again for the disappointment.",
      },
      {
        stage: 'remedy',
        zh: '如果您实在不喜欢，在退换期内可以帮您安排{remedy}，您看需要吗？不需要也没关系。',
        en: "If you really don't like it, we can arrange {remedy} within the return period. Would you like that? It's fine if not.",
      },
      {
        stage: 'agree',
        zh: '好的，那就{agreedTime}前给您办好，我在旺旺上跟您说。谢谢您抽时间接电话，祝您生活愉快，再见。',
        en: "All right, it will be done by {agreedTime}, and I'll tell you on Wangwang. Thank you for taking the time to talk. Have a good day, goodbye.",
        note: {
          zh: '这类评价不提修改评价的事。',
          en: 'With this kind of review, do not bring up the review at all.',
        },
      },
    ],
  },
  {
    id: 'subjective.phone.short',
    cause: 'subjective',
    channel: 'phone',
    variant: { zh: '简短问候', en: 'Short check-in' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '看到这次的商品{problem}，很抱歉，想听听您的想法。',
        en: "I'm sorry the item {problem}; I'd like to hear what you think.",
        note: { zh: '隔天再打，不催不劝。', en: 'Call the next day; do not push or persuade.' },
      },
      {
        stage: 'remedy',
        zh: '如果您不喜欢，可以帮您安排{remedy}。再次抱歉让您失望了。',
        en: "If you don't like it, we can arrange {remedy} for you. Sorry again that it disappointed you.",
      },
      {
        stage: 'agree',
        zh: '需要的话{agreedTime}前给您办好。不打扰您了，谢谢，再见。',
        en: "If you'd like that, it will be done by {agreedTime}. I won't keep you; thank you, goodbye.",
      },
    ],
  },
];

