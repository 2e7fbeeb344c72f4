/**
 * Shipping mistakes (fulfillment_error): wrong item, size or colour, missing parts or gifts, late or
 * forgotten dispatch. Strategy: admit the mistake plainly, it is ours; reship or exchange with the shop
 * paying postage both ways; say what changed in the warehouse.
 */
import { OPTIONAL_REVIEW_ASK, agreeStep, closingStep, identifyStep, type RawTemplate } from './common';

export const FULFILLMENT_TEMPLATES: RawTemplate[] = [
  {
    id: 'fulfillment_error.explanation.admit',
    cause: 'fulfillment_error',
    channel: 'explanation',
    variant: { zh: '承认失误', en: 'Own the mistake' },
    text: {
      zh: '您好，这次{problem}，是我们的失误，给您添了麻烦，真的非常抱歉。问题出在我们自己的发货环节，和您没有任何关系。我们已经私下联系您处理：{fix}发货流程我们也重新检查了一遍，避免再出现同样的问题。谢谢您指出问题，{shopName}会更加仔细。',
      en: 'Hello, {problem}; that was our mistake, and we are truly sorry. It was in no way your fault. We have contacted you privately: {fix} Our dispatch checks have been tightened. Thank you for pointing it out; {shopName} will be more careful.',
    },
  },
  {
    id: 'fulfillment_error.explanation.process',
    cause: 'fulfillment_error',
    channel: 'explanation',
    variant: { zh: '流程改进', en: 'Process fixed' },
    text: {
      zh: '非常抱歉，{problem}，是我们的失误。出错的原因我们已经查清，相关同事也重新学习了发货流程，发货前会再核对一遍款式、颜色、尺码、配件和赠品。需要补发或换货的，运费全部由我们承担。再次向您致歉，也谢谢您给我们改正的机会。',
      en: 'We are very sorry: {problem}, and the mistake was ours. We have found the cause, the colleagues involved have gone through our dispatch process again, and every parcel is now checked for style, colour, size, parts and gifts before it leaves. Where a reship or exchange is needed, we pay all the postage. Our apologies again, and thank you for the chance to put it right.',
    },
  },
  {
    id: 'fulfillment_error.chat.first_contact',
    cause: 'fulfillment_error',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说这次买的{itemTitle}，{problem}，这完全是我们的失误，真的对不起，白白耽误了您的时间。我们这样处理：{fix}您看这样可以吗？',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. About your {itemTitle}: I saw that {problem}. That's entirely our mistake, and I'm so sorry it wasted your time. Here's what we'll do: {fix} Does that work for you?",
    },
  },
  {
    id: 'fulfillment_error.chat.confirm',
    cause: 'fulfillment_error',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。跟您确认一下：{remedy}，我们会在{agreedTime}前安排好，单号出来后第一时间发给您。这次发货出错是我们的问题，再次向您道歉，仓库也已经加了发货前的核对步骤。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Just to confirm: {remedy}. We will have it arranged by {agreedTime} and I'll send you the tracking number as soon as there is one. The shipping mistake was ours, and I apologise again; our warehouse has added a check before every dispatch. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'fulfillment_error.phone.full',
    cause: 'fulfillment_error',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说{problem}，特意打电话跟您道歉。这是我们的失误，真的非常抱歉。',
        en: "I saw that {problem}, and I'm calling to apologise. It was our mistake, and I'm truly sorry.",
      },
      {
        stage: 'apologise',
        zh: '害您白等了几天，还要再处理一次，给您添麻烦了，再次跟您说声对不起。',
        en: "You've waited days for nothing and now have to deal with it again. I'm sorry for all the trouble.",
        note: { zh: '不找理由，不说“仓库太忙”。', en: 'No excuses such as "the warehouse was busy".' },
      },
      {
        stage: 'remedy',
        zh: '我们这样处理：{fix}您不用多花一分钱。',
        en: "Here's what we'll do: {fix} It won't cost you anything.",
        note: {
          zh: '有东西要重新寄出的，先确认收货地址和正确的款式、尺码、颜色再挂电话。',
          en: 'If anything is to be sent again, confirm the delivery address and the correct style, size and colour before hanging up.',
        },
      },
      agreeStep(),
      closingStep({ zh: '好的，这次是我们没做好，再次向您道歉。', en: 'Thank you, and once again, sorry we got it wrong.' }),
    ],
  },
  {
    id: 'fulfillment_error.phone.short',
    cause: 'fulfillment_error',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '{problem}，是我们的失误，真的很抱歉。',
        en: "I'm really sorry: {problem}, and that was our mistake.",
      },
      {
        stage: 'remedy',
        zh: '我们给您安排{remedy}，需要寄回的话运费到付，来回运费我们出。再次跟您说声抱歉。',
        en: "We'll arrange {remedy} for you; anything to return goes freight collect, and we pay the postage both ways. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您安排好，单号出来我在旺旺上发给您。谢谢您，再见。',
        en: "It will be arranged by {agreedTime}, and I'll send the tracking number on Wangwang. Thank you, goodbye.",
      },
    ],
  },
];
