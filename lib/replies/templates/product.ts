/**
 * Quality defects (quality) and not as described (not_as_described).
 * Quality: ask for a photo first to confirm, then exchange or refund with the shop paying postage; tell the
 * buyer the batch is being checked. Not as described: explain lighting and hand measurement honestly
 * without blaming the buyer, offer an exchange to another size or a return, point to the size chart.
 */
import { OPTIONAL_REVIEW_ASK, agreeStep, closingStep, identifyStep, type RawTemplate } from './common';

export const PRODUCT_TEMPLATES: RawTemplate[] = [
  // ------------------------------------------------------------------------------------------- quality
  {
    id: 'quality.explanation.confirm',
    cause: 'quality',
    channel: 'explanation',
    variant: { zh: '核实并处理', en: 'Checking and fixing' },
    text: {
      zh: '您好，您反馈商品{problem}，非常抱歉让您失望了。这个问题我们很重视，已经私下联系您，请您拍照帮我们确认具体情况，确认后按您的意愿换新或退款，来回运费由我们承担。我们也把这个问题反馈给了生产和质检环节，对同一批次的库存做了抽查。每一件商品都应该经得起检验，这次没有做到，我们向您道歉。{shopName}会继续把好质量关。',
      en: "Hello, you told us your item {problem}, and we are very sorry it let you down. We take this seriously and have contacted you privately for a photo to confirm it; then we will exchange or refund as you prefer, with postage both ways on us. We have passed the issue to production and quality control and spot-checked the rest of the batch. We apologise again; {shopName} will keep a close eye on quality.",
    },
  },
  {
    id: 'quality.explanation.batch',
    cause: 'quality',
    channel: 'explanation',
    variant: { zh: '质检改进', en: 'Quality control tightened' },
    text: {
      zh: '感谢您如实反馈，也非常抱歉让您收到了有问题的商品。我们已经对这批{itemTitle}重新做了质检，并加强了出库前的检查。遇到质量问题，我们都会先确认情况，再为顾客换新或退款，运费由我们承担。给您带来不便，再次说声抱歉。',
      en: 'Thank you for your honest feedback, and we are very sorry you received a faulty item. We have re-inspected this batch of {itemTitle} and tightened our checks before dispatch. When there is a quality problem, we first confirm what happened and then exchange or refund, with the postage on us. Sorry again for the trouble.',
    },
  },
  {
    id: 'quality.chat.photo_first',
    cause: 'quality',
    channel: 'chat',
    variant: { zh: '先请拍照', en: 'Ask for a photo' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说{itemTitle}{problem}，真的很抱歉让您收到这样的商品。{fix}确认之后，换新还是退款都按您的意思来，需要寄回的运费也由我们承担，不会让您多花一分钱。',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that your {itemTitle} {problem}, and I'm really sorry you received it like that. {fix} Once we've confirmed it, we'll exchange or refund, whichever you prefer, and any postage is on us, so it won't cost you anything.",
    },
  },
  {
    id: 'quality.chat.confirm',
    cause: 'quality',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，照片收到了，谢谢您。确实是商品的质量问题，很抱歉。这边为您安排：{remedy}，会在{agreedTime}前处理好，运费不用您承担。这个问题我们已经反馈给质检，同一批的货也在逐件检查。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, thank you for the photo. It is indeed a quality fault, and I'm sorry. We have arranged {remedy} for you and will have it done by {agreedTime}, with no postage for you to pay. We have reported the fault to quality control, and the rest of the batch is being checked piece by piece. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'quality.phone.full',
    cause: 'quality',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您反馈商品{problem}，特意打电话来跟您道歉。让您花了钱还用得不顺心，真的非常抱歉。',
        en: "I saw that your item {problem}, so I'm calling to apologise. You paid for something that didn't work out, and I'm truly sorry.",
      },
      {
        stage: 'apologise',
        zh: '能跟我说说具体是哪里有问题吗？……明白了，这确实不应该出现，是我们质检没把好关，再次跟您说声对不起。',
        en: "Could you tell me exactly what's wrong? … I see. That really shouldn't happen; our quality check missed it. I'm sorry again.",
        note: {
          zh: '认真听，复述问题，不质疑、不说“别人都没问题”。',
          en: 'Listen, repeat the problem back, never doubt it or say "nobody else has complained".',
        },
      },
      {
        stage: 'remedy',
        zh: '麻烦您方便时拍张照片发到旺旺，我们确认一下具体情况。确认后给您安排{remedy}，来回运费都由我们承担。',
        en: "When convenient, could you send a photo on Wangwang so we can confirm the details? Then we'll arrange {remedy} for you, with the postage both ways on us.",
      },
      agreeStep(),
      closingStep({ zh: '好的，给您添麻烦了，再次向您道歉。', en: 'Thank you, and my apologies again for the trouble.' }),
    ],
  },
  {
    id: 'quality.phone.short',
    cause: 'quality',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '您买的商品{problem}，真的很抱歉。',
        en: "I'm really sorry your item {problem}.",
      },
      {
        stage: 'remedy',
        zh: '您方便时拍张照片发到旺旺，我们确认后给您安排{remedy}，运费我们出。再次抱歉。',
        en: "When convenient, send a photo on Wangwang; once we've confirmed it, we'll arrange {remedy} and pay the postage. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '收到照片后，{agreedTime}前给您处理好，我在旺旺上跟您确认。谢谢您，再见。',
        en: "Once we have the photo, it will be sorted by {agreedTime}, and I'll confirm on Wangwang. Thank you, goodbye.",
      },
    ],
  },

  // ---------------------------------------------------------------------------------- not_as_described
  {
    id: 'not_as_described.explanation.general',
    cause: 'not_as_described',
    channel: 'explanation',
    variant: { zh: '核对页面', en: 'Checking the listing' },
    text: {
      zh: '您好，您反馈收到的商品{problem}，非常抱歉让您失望了。商品页面应该让顾客看得清清楚楚，这次没有做到，是我们的不足。我们已经私下联系您，换货或退货都按您的意愿处理，运费由我们承担。页面的图片和说明我们也在重新核对，方便后面的顾客参考。谢谢您的反馈。',
      en: 'Hello, you told us the item you received {problem}, and we are very sorry it disappointed you. A product page should make everything clear, and ours fell short. We have contacted you privately and will exchange it or take it back as you prefer, with the postage on us. We are also rechecking the photos and details on the page so future customers can judge better. Thank you for the feedback.',
    },
  },
  {
    id: 'not_as_described.explanation.colour',
    cause: 'not_as_described',
    channel: 'explanation',
    variant: { zh: '颜色与图片', en: 'Colour versus photos' },
    text: {
      zh: '您好，非常抱歉实物和您看到的图片有差距，让您失望了。我们的商品照片是在摄影灯光下拍的，不同的光线和手机屏幕会让颜色看起来有些差别，这一点我们在详情页里提示得不够醒目，是我们的不足。我们已经私下联系您，换货或退货都按您的意愿处理。详情页也补充了自然光下的实拍图，方便后面的顾客参考。谢谢您的反馈。',
      en: 'Hello, we are very sorry the item looks different from the photos. Our photos are taken under studio lighting, and light and screens can make colours look a little different; we did not say so clearly enough on the product page, and that is our shortcoming. We have contacted you privately and will exchange or take it back, as you prefer. The product page now also has daylight photos so future customers can judge better. Thank you for the feedback.',
    },
  },
  {
    id: 'not_as_described.explanation.size',
    cause: 'not_as_described',
    channel: 'explanation',
    variant: { zh: '尺码说明', en: 'Sizing' },
    text: {
      zh: '非常抱歉尺码不合适，给您添了麻烦。这款{itemTitle}的尺寸是平铺手工测量的，可能有1～2厘米的误差；版型偏大还是偏小，我们之前也提示得不够清楚。尺码不合适可以换其他尺码，我们已经联系您安排。详情页的尺码表补充了试穿建议，下单前可以对照参考，拿不准的话也欢迎先问问客服。',
      en: "We are very sorry the size didn't work out. This {itemTitle} is measured by hand laid flat, so figures can be 1–2 cm out, and we hadn't said clearly whether it runs large or small. An item that doesn't fit can be exchanged for another size, and we have been in touch to arrange it. The size chart now includes fitting advice; please check it before ordering, and our team is happy to help if you're unsure.",
    },
  },
  {
    id: 'not_as_described.chat.first_contact',
    cause: 'not_as_described',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说收到的{itemTitle}{problem}，很抱歉让您失望了。{fix}',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that the {itemTitle} you received {problem}, and I'm sorry it disappointed you. {fix}",
    },
  },
  {
    id: 'not_as_described.chat.confirm',
    cause: 'not_as_described',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。按您说的情况，我们给您安排：{remedy}，会在{agreedTime}前处理好。这款的尺码表和实拍图我们也更新了，以后挑选时可以参考，有拿不准的随时找我。再次抱歉给您添了麻烦。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Based on what you told me, we have arranged {remedy} for you and will have it done by {agreedTime}. We have also updated the size chart and real-life photos for this item, so they'll help next time; just ask me whenever you're unsure. Sorry again for the trouble. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'not_as_described.phone.full',
    cause: 'not_as_described',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说收到的商品{problem}，特意打电话跟您道个歉，让您失望了，真的很抱歉。',
        en: "I saw that the item you received {problem}, so I'm calling to apologise. I'm really sorry it disappointed you.",
      },
      {
        stage: 'apologise',
        zh: '能跟我具体说说吗？……明白了，这些我们之前没有在页面上说清楚，是我们的问题，再次说声对不起。',
        en: "Could you tell me a bit more? … I see. We didn't make that clear on the product page; that's our fault, and I'm sorry again.",
        note: {
          zh: '如实解释（图片是在灯光下拍的，尺寸是手工量的，会有误差），不把责任推给顾客。',
          en: 'Explain honestly (photos are taken under studio lights, sizes measured by hand, so there can be a difference); never put the blame on the buyer.',
        },
      },
      {
        stage: 'remedy',
        zh: '您看这样好不好：给您安排{remedy}。{fix}',
        en: "How about this: we'll arrange {remedy} for you. {fix}",
      },
      agreeStep(),
      closingStep({ zh: '好的，给您添麻烦了，再次向您道歉。', en: 'Thank you, and sorry again for the trouble.' }),
    ],
  },
  {
    id: 'not_as_described.phone.short',
    cause: 'not_as_described',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '收到的商品{problem}，让您失望了，真的很抱歉。',
        en: "I'm really sorry the item you received {problem}.",
      },
      {
        stage: 'remedy',
        zh: '我们给您安排{remedy}，需要换尺码的话我帮您对照尺码表挑。再次抱歉。',
        en: "We'll arrange {remedy} for you, and if you need another size, I'll help you check the size chart. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您处理好，我在旺旺上跟您确认。谢谢您，再见。',
        en: "It will be sorted by {agreedTime}, and I'll confirm on Wangwang. Thank you, goodbye.",
      },
    ],
  },
];
