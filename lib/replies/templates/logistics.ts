/**
 * Slow carrier (logistics_delay) and transit damage (logistics_damage).
 * Strategy: explain the carrier's part without shirking our own (we chose the carrier and should have
 * chased the parcel). Damage: photos for the carrier claim, return freight collect at our cost, replacement
 * or refund as the buyer prefers; the shop claims from the carrier, never the buyer.
 */
import { OPTIONAL_REVIEW_ASK, agreeStep, closingStep, identifyStep, type RawTemplate } from './common';

export const LOGISTICS_TEMPLATES: RawTemplate[] = [
  // ----------------------------------------------------------------------------------- logistics_delay
  {
    id: 'logistics_delay.explanation.facts',
    cause: 'logistics_delay',
    channel: 'explanation',
    variant: { zh: '说明物流情况', en: 'Explain the delivery' },
    text: {
      zh: '您好，非常抱歉，{problem}，给您添了麻烦。快递虽然不是我们自己送的，但快递是我们选的，没有及时跟进也是我们的疏忽，这个责任我们不推给别人。我们已经把情况反馈给快递公司，之后会更密切地跟进在途包裹和派送。谢谢您的提醒，{shopName}会继续改进。',
      en: "Hello, we are truly sorry that {problem}. We don't deliver parcels ourselves, but we chose the courier and should have followed it more closely, so we won't pass the blame on. We have raised this with the courier and will watch parcels in transit more closely. Thank you for telling us; {shopName} will keep improving.",
    },
  },
  {
    id: 'logistics_delay.explanation.short',
    cause: 'logistics_delay',
    channel: 'explanation',
    variant: { zh: '简短致歉', en: 'Short apology' },
    text: {
      zh: '非常抱歉，{problem}。快递是我们选的，这一点我们认。我们已经把问题反馈给合作的快递，并安排同事专门跟踪在途包裹，发现问题第一时间处理。谢谢您的耐心，{shopName}会做得更好。',
      en: "We are very sorry that {problem}. We chose the courier, and we own that. We have reported the problem to our courier partner and now have a colleague tracking parcels in transit, so any problem is chased straight away. Thank you for your patience; {shopName} will do better.",
    },
  },
  {
    id: 'logistics_delay.chat.first_contact',
    cause: 'logistics_delay',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说{problem}，真的很抱歉。快递虽然不是我们送的，但快递是我们选的，没有早点跟进是我们的不对。{fix}这次给您添了麻烦，我们想做点弥补：{remedy}。您看这样可以吗？',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that {problem}, and I'm really sorry. The courier does the delivering, but we chose them and should have kept a closer eye on it, so we share the blame. {fix} To make up for the trouble, we would like to offer you {remedy}. Would that be all right with you?",
    },
  },
  {
    id: 'logistics_delay.chat.confirm',
    cause: 'logistics_delay',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。跟您确认一下：{remedy}，我们会在{agreedTime}前办好，办好后我再发消息告诉您。这次的物流给您添了麻烦，再次向您说声抱歉，我们也调整了发货后的跟踪方式，包裹停滞会更早发现。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Just to confirm: {remedy}. We will have it done by {agreedTime}, and I'll message you as soon as it is. Sorry again for the trouble with the delivery; we have also changed how we follow parcels after dispatch, so hold-ups are spotted sooner. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'logistics_delay.phone.full',
    cause: 'logistics_delay',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '是这样的，看到您说{problem}，特意打电话来跟您道个歉，给您添麻烦了，真的非常抱歉。',
        en: "I saw that {problem}, so I'm calling to apologise in person. I'm really sorry for the trouble.",
      },
      {
        stage: 'apologise',
        zh: '快递不是我们送的，但快递是我们选的，没有及时跟进是我们的疏忽，再次跟您说声对不起。{fix}',
        en: "We don't deliver it ourselves, but we chose the courier and didn't keep on top of it, which was our oversight. Once again, I'm sorry. {fix}",
        note: { zh: '让对方把话说完，不打断，不辩解。', en: 'Let the buyer finish; do not interrupt or argue.' },
      },
      {
        stage: 'remedy',
        zh: '为了弥补这次的不便，我们想给您安排{remedy}，您看可以吗？',
        en: "To make up for the inconvenience, we'd like to arrange {remedy} for you. Would that be all right?",
        note: {
          zh: '对方如果提出别的合理要求，先记下来；能当场答应的就答应，不能的说清楚什么时候给答复。',
          en: 'If the buyer asks for something else reasonable, note it; agree on the spot if you can, otherwise say when you will answer.',
        },
      },
      agreeStep(),
      closingStep({ zh: '好的，耽误您时间了，再次为这次的等待向您道歉。', en: 'Thank you for your time, and sorry once more for the wait.' }),
    ],
  },
  {
    id: 'logistics_delay.phone.short',
    cause: 'logistics_delay',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '{problem}，真的很抱歉，是我们没跟进好。',
        en: "I'm really sorry that {problem}; we didn't keep on top of it.",
      },
      {
        stage: 'remedy',
        zh: '我们给您安排了{remedy}，也已经向快递公司反馈了。再次跟您说声抱歉。',
        en: "We've arranged {remedy} for you and reported the delay to the courier. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}之前给您办好，办好了我在旺旺上告诉您。不耽误您时间了，谢谢您接电话，再见。',
        en: "It will be done by {agreedTime}, and I'll let you know on Wangwang. I won't keep you any longer; thanks for taking the call, goodbye.",
      },
    ],
  },

  // ----------------------------------------------------------------------------------- logistics_damage
  {
    id: 'logistics_damage.explanation.facts',
    cause: 'logistics_damage',
    channel: 'explanation',
    variant: { zh: '说明处理方式', en: 'How we put it right' },
    text: {
      zh: '您好，非常抱歉商品{problem}，让您一打开包裹就不愉快。我们发货前会检查并加固包装，但这次还是出了问题，说明包装做得还不够。我们已经私下联系您安排：需要寄回的运费到付，由我们承担运费，换新或退款按您的意愿来；运输中的损失由我们向快递公司索赔，不需要您再操心。这款商品的包装我们也已经加固。{shopName}再次向您致歉。',
      en: 'Hello, we are very sorry your item {problem}. We reinforce packaging before dispatch, but it still was not good enough. We have contacted you privately: anything to return goes freight collect at our cost, and you choose a replacement or a refund. We claim the loss from the courier ourselves, and this item now ships in stronger packaging. Our apologies again from {shopName}.',
    },
  },
  {
    id: 'logistics_damage.explanation.packaging',
    cause: 'logistics_damage',
    channel: 'explanation',
    variant: { zh: '包装改进', en: 'Packaging improved' },
    text: {
      zh: '非常抱歉，商品{problem}，给您添了麻烦。破损发生在快递途中，但包装是我们打的、快递是我们选的，这个责任由我们来承担。遇到运输破损，我们都会安排运费到付退回，并按顾客的意愿换新或退款，向快递公司索赔的事由我们处理。这款{itemTitle}现在改用了加厚纸箱和防撞填充。谢谢您的反馈。',
      en: 'We are very sorry the item {problem}. The damage happened on the courier\'s watch, but we packed it and chose the courier, so the responsibility is ours. Whenever something arrives damaged, we arrange a freight-collect return, replace or refund as the customer prefers, and claim from the courier ourselves. This {itemTitle} now ships in a sturdier box with padding. Thank you for the feedback.',
    },
  },
  {
    id: 'logistics_damage.chat.first_contact',
    cause: 'logistics_damage',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说收到的{itemTitle}{problem}，真的很抱歉，刚拿到手就是这样，换谁都会难受。麻烦您方便时拍几张商品和外包装的照片发给我，我们拿去跟快递公司索赔，索赔的事我们来办，不用您操心。{fix}您是想换一件新的，还是直接退款？按您方便的来。',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that your {itemTitle} {problem}, and I'm really sorry; anyone would be upset to open a parcel like that. When convenient, could you send me a few photos of the item and the outer box? We'll use them to claim from the courier, and we handle that claim, so there's nothing for you to do. {fix} Would you prefer a new one or a refund? Whichever suits you.",
    },
  },
  {
    id: 'logistics_damage.chat.confirm',
    cause: 'logistics_damage',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}，照片收到了，谢谢您。这边已经为您安排：{remedy}，会在{agreedTime}前处理好，进度我随时在旺旺上告诉您。需要寄回的话，记得选运费到付，不用您出运费。让您收到这样的商品，再次向您道歉，这款的包装我们也已经加固了。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Thank you for the photos. We have arranged {remedy} for you and will complete it by {agreedTime}; I'll keep you posted here. If anything needs to go back, please choose freight collect so it costs you nothing. Sorry again that it reached you like this; we have already strengthened the packaging for this item. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'logistics_damage.phone.full',
    cause: 'logistics_damage',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说收到的商品{problem}，真的非常抱歉，让您满心期待地打开包裹，结果是这样。',
        en: "I saw that your item {problem}, and I'm truly sorry: you were looking forward to it, and then you opened the parcel to find that.",
      },
      {
        stage: 'apologise',
        zh: '破损虽然发生在运输途中，但包装是我们打的，没包好是我们的问题，再次跟您说声对不起。',
        en: "The damage happened in transit, but we packed it, and it wasn't packed well enough. That's on us, and I'm sorry again.",
        note: { zh: '不要说“是快递弄坏的，跟我们没关系”。', en: 'Never say "the courier broke it, it has nothing to do with us".' },
      },
      {
        stage: 'remedy',
        zh: '您看这样处理行不行：您方便时拍几张照片发到旺旺，我们拿去找快递索赔。{fix}然后给您安排{remedy}。',
        en: "Here's what I suggest: when convenient, send a few photos on Wangwang so we can claim from the courier. {fix} Then we'll arrange {remedy} for you.",
        note: {
          zh: '换新还是退款让对方选；索赔是店铺和快递之间的事，不要让买家去找快递。',
          en: 'Let the buyer choose replacement or refund; the claim is between the shop and the courier, never ask the buyer to chase the courier.',
        },
      },
      agreeStep(),
      closingStep({ zh: '好的，这次真是给您添麻烦了，再次抱歉。', en: 'Thank you, and sorry again for all the trouble.' }),
    ],
  },
  {
    id: 'logistics_damage.phone.short',
    cause: 'logistics_damage',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '您收到的商品{problem}，真的很抱歉，是我们包装没做好。',
        en: "I'm really sorry your item {problem}; our packaging wasn't good enough.",
      },
      {
        stage: 'remedy',
        zh: '{fix}我们给您安排{remedy}，找快递索赔的事我们来办。再次抱歉。',
        en: "{fix} We'll arrange {remedy} for you and handle the claim with the courier. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您办好，到时候我在旺旺上跟您说。谢谢您，再见。',
        en: "It will be done by {agreedTime}, and I'll tell you on Wangwang. Thank you, goodbye.",
      },
    ],
  },
];
