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
      zh: '您好，这次是我们发货出了错，给您添了麻烦，真的非常抱歉。问题出在我们仓库的拣货和核对环节，和您没有任何关系。我们已经私下联系您处理：发错或漏发的部分重新寄出，需要寄回的商品，来回运费都由我们承担。打包环节我们也加了一道扫码核对，避免再出现同样的错误。谢谢您指出问题，{shopName}会更加仔细。',
      en: 'Hello, we got your order wrong and caused you trouble, and we are truly sorry. The error happened in picking and checking at our warehouse; it was in no way your fault. We have contacted you privately: anything sent wrongly or left out will be sent again, and we pay the postage both ways for anything that comes back. Packing now includes a scan check so it does not happen again. Thank you for pointing it out; {shopName} will be more careful.',
    },
  },
  {
    id: 'fulfillment_error.explanation.process',
    cause: 'fulfillment_error',
    channel: 'explanation',
    variant: { zh: '流程改进', en: 'Process fixed' },
    text: {
      zh: '非常抱歉，这笔订单的发货是我们的失误，让您多等了时间，还多跑了一趟。出错的原因我们已经查清，相关同事也重新学习了发货流程，发货前会再核对一遍款式、颜色、尺码和配件。需要补发或换货的，运费全部由我们承担。再次向您致歉，也谢谢您给我们改正的机会。',
      en: 'We are very sorry: the dispatch of this order went wrong on our side, costing you time and an extra trip. We have found the cause, the colleagues involved have gone through our dispatch process again, and every parcel is now checked once more for style, colour, size and parts before it leaves. Where a reship or exchange is needed, we pay all the postage. Our apologies again, and thank you for giving us the chance to put it right.',
    },
  },
  {
    id: 'fulfillment_error.chat.first_contact',
    cause: 'fulfillment_error',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的售后{agentName}。看到您说收到的{itemTitle}不对（或者少了东西），这完全是我们的失误，真的对不起，白白耽误了您的时间。我们这样处理：正确的商品我们重新给您寄出；发错的那件您有空时寄回来就行，寄回选运费到付，来回运费都由我们承担。麻烦您确认一下收货地址有没有变化，我这边好尽快安排。',
      en: "Hello {buyerNick}, this is {agentName} from after-sales at {shopName}. I saw that the {itemTitle} you received wasn't right (or something was missing). That's entirely our mistake, and I'm so sorry it wasted your time. Here's what we'll do: we'll send you the correct item again, and you can return the wrong one whenever convenient, choosing freight collect; we pay the postage both ways. Could you confirm whether your delivery address is still the same, so I can arrange it quickly?",
    },
  },
  {
    id: 'fulfillment_error.chat.confirm',
    cause: 'fulfillment_error',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agentName}。跟您确认一下：{remedy}，我们会在{agreedTime}前安排好，单号出来后第一时间发给您。这次发货出错是我们的问题，再次向您道歉，仓库也已经加了发货前的核对步骤。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, {agentName} from {shopName} here. Just to confirm: {remedy}. We will have it arranged by {agreedTime} and I'll send you the tracking number as soon as there is one. The shipping mistake was ours, and I apologise again; our warehouse has added a check before every dispatch. ${OPTIONAL_REVIEW_ASK.en}`,
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
        zh: '看到您说收到的商品发错了（或者少了东西），特意打电话跟您道歉。这是我们仓库的失误，真的非常抱歉。',
        en: "I saw that you received the wrong item (or something was missing), and I'm calling to apologise. It was our warehouse's mistake, and I'm truly sorry.",
      },
      {
        stage: 'apologise',
        zh: '害您白等了几天，还要再处理一次，给您添麻烦了，再次跟您说声对不起。',
        en: "You've waited days for nothing and now have to deal with it again. I'm sorry for all the trouble.",
        note: { zh: '不找理由，不说“仓库太忙”。', en: 'No excuses such as "the warehouse was busy".' },
      },
      {
        stage: 'remedy',
        zh: '我们这样处理：{remedy}。发错的那件您方便时寄回，选运费到付，来回运费都是我们出，您不用多花一分钱。',
        en: "Here's what we'll do: {remedy}. Send the wrong item back whenever convenient with freight collect; we pay the postage both ways, so it won't cost you anything.",
        note: {
          zh: '先确认收货地址和正确的款式、尺码、颜色再挂电话。',
          en: 'Before hanging up, confirm the delivery address and the correct style, size and colour.',
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
        zh: '这次发货出了错，是我们的失误，真的很抱歉。',
        en: "We made a mistake with your shipment, and I'm really sorry.",
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
