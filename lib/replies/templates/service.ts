/**
 * Rude service (service_attitude), slow replies (service_response) and after-sales disputes (after_sales).
 * Strategy: take responsibility for our own people without excuses, say what changes (training, staffing,
 * one named person who follows the case through), thank the buyer for saying so, then solve the original
 * problem.
 */
import { OPTIONAL_REVIEW_ASK, agreeStep, closingStep, identifyStep, type RawTemplate } from './common';

export const SERVICE_TEMPLATES: RawTemplate[] = [
  // --------------------------------------------------------------------------------- service_attitude
  {
    id: 'service_attitude.explanation.responsibility',
    cause: 'service_attitude',
    channel: 'explanation',
    variant: { zh: '承担责任', en: 'Take responsibility' },
    text: {
      zh: '您好，您反馈{problem}，非常抱歉让您受委屈了。我们看了当时的沟通记录，确实是我们没做好，不找任何借口。我们已经和这位同事谈过，并给客服团队重新做了服务培训。您当时提出的问题，我们也已经私下联系您处理。谢谢您的批评，{shopName}会用行动改进。',
      en: 'Hello, you told us {problem}, and we are very sorry. We read back through that conversation, and we clearly fell short; we make no excuses. We have spoken with the colleague involved and retrained the whole team, and we have contacted you privately about your question. Thank you for the criticism; {shopName} will show the improvement in what we do.',
    },
  },
  {
    id: 'service_attitude.explanation.training',
    cause: 'service_attitude',
    channel: 'explanation',
    variant: { zh: '培训改进', en: 'Training' },
    text: {
      zh: '对于这次服务上的不周到，我们郑重向您道歉。顾客来咨询是对我们的信任，客服有责任耐心、清楚地回答每一个问题，这次我们没有做到。相关同事已经接受批评，团队也重新学习了服务规范，之后我们会定期抽查聊天质量。感谢您的提醒。',
      en: 'We sincerely apologise for the poor service you received. When a customer asks us something, it is a sign of trust, and our team owes every question a patient, clear answer; this time we fell short. The colleague concerned has been spoken to, the team has gone over our service standards again, and we will now review chat quality regularly. Thank you for bringing it to our attention.',
    },
  },
  {
    id: 'service_attitude.chat.first_contact',
    cause: 'service_attitude',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说{problem}，我马上看了当时的聊天记录，确实是我们没做好，我代表店铺向您郑重道歉。这位同事我们已经批评教育，整个团队也会重新培训。{fix}',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that {problem}, so I went straight to the chat from that day: we clearly fell short, and on behalf of the shop I sincerely apologise. We have spoken to the colleague, and the whole team will be retrained. {fix}",
    },
  },
  {
    id: 'service_attitude.chat.confirm',
    cause: 'service_attitude',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。您的问题我们这样处理：{remedy}，{agreedTime}前办好，办好后我直接告诉您，不用您再来回问。之前的事让您受委屈了，再次向您道歉，也谢谢您愿意再给我们一次沟通的机会。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Here's how we'll handle it: {remedy}, done by {agreedTime}, and I'll tell you directly so you won't need to chase us. I'm sorry again for how you were treated, and thank you for giving us another chance to talk. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'service_attitude.phone.full',
    cause: 'service_attitude',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说{problem}，我特意打电话来跟您道歉。我看了当时的聊天记录，确实是我们做得不对，真的非常抱歉。',
        en: "I saw that {problem}, and I'm calling to apologise. I've read the chat from that day, and we were clearly in the wrong. I'm truly sorry.",
      },
      {
        stage: 'apologise',
        zh: '您当时是来解决问题的，却没有得到应有的尊重，换作是我也会生气。这位同事我们已经批评教育了，团队也会重新培训。再次向您说声对不起。',
        en: "You came to us to solve a problem and didn't get the respect you deserved; I'd be upset too. We've spoken to the colleague, and the team will be retrained. Once again, I'm sorry.",
        note: {
          zh: '代表店铺认错，不替同事辩解，不说“他那天太忙”。',
          en: 'Apologise on behalf of the shop; do not defend the colleague or say "they were busy that day".',
        },
      },
      {
        stage: 'remedy',
        zh: '您当时想解决的问题，现在由我来负责。我们这边给您安排{remedy}，您看这样可以吗？',
        en: "I'll now take personal charge of what you were trying to sort out. We'll arrange {remedy} for you. Would that be all right?",
      },
      agreeStep(),
      closingStep({ zh: '谢谢您愿意听我说这些，再次向您道歉。', en: 'Thank you for hearing me out, and sorry once more.' }),
    ],
  },
  {
    id: 'service_attitude.phone.short',
    cause: 'service_attitude',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '之前{problem}，我代表店铺向您道歉。',
        en: "I'm sorry that {problem}; on behalf of the shop, I apologise.",
      },
      {
        stage: 'remedy',
        zh: '您的问题现在由我负责，给您安排{remedy}。团队也会重新培训，再次抱歉。',
        en: "I'm now personally handling your issue, and we'll arrange {remedy} for you. The team will be retrained. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您办好，我在旺旺上跟您确认。谢谢您，再见。',
        en: "It will be done by {agreedTime}, and I'll confirm on Wangwang. Thank you, goodbye.",
      },
    ],
  },

  // --------------------------------------------------------------------------------- service_response
  {
    id: 'service_response.explanation.staffing',
    cause: 'service_response',
    channel: 'explanation',
    variant: { zh: '说明与改进', en: 'What we changed' },
    text: {
      zh: '您好，您反馈{problem}，非常抱歉让您干着急了。那段时间咨询量很大，但这不是让顾客干等的理由。我们已经调整了客服排班，咨询高峰增加了值班人手，并设置了超时未回复提醒。您的问题我们也已经私下联系您处理。谢谢您的耐心和反馈。',
      en: 'Hello, you told us {problem}, and we are very sorry to have left you waiting. We were handling a lot of enquiries then, but that is no reason to leave a customer waiting. We have changed our rota, added staff at peak times and set up alerts for unanswered messages. We have also contacted you privately about your question. Thank you for your patience.',
    },
  },
  {
    id: 'service_response.explanation.short',
    cause: 'service_response',
    channel: 'explanation',
    variant: { zh: '简短致歉', en: 'Short apology' },
    text: {
      zh: '让您久等了，真的很抱歉。每一条咨询都应该得到及时的回应，这次我们做得不好。{shopName}已经延长了客服在线时间，晚上也安排了专人值班，之后您有任何问题都能更快得到答复。感谢您的提醒。',
      en: 'We are really sorry to have kept you waiting. Every enquiry deserves a timely answer, and this time we did not give one. {shopName} has extended its customer-service hours and put someone on duty in the evenings, so any question you have will be answered sooner. Thank you for the reminder.',
    },
  },
  {
    id: 'service_response.chat.first_contact',
    cause: 'service_response',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说{problem}，真的很抱歉，让您干着急了。那几天咨询的人多，但这不是理由，是我们人手没安排好。{fix}',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that {problem}, and I'm really sorry to have left you hanging. We were busy those days, but that's no excuse; we hadn't planned our staffing well. {fix}",
    },
  },
  {
    id: 'service_response.chat.confirm',
    cause: 'service_response',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。您的问题已经安排好了：{remedy}，我会在{agreedTime}前跟进完成，并把结果告诉您。之前回复慢让您久等，再次说声抱歉，我们已经调整了排班，以后找我们会快很多。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Your issue is in hand: {remedy}. I'll see it through by {agreedTime} and let you know the outcome. Sorry again for the slow replies earlier; we have changed our rota, so you'll hear from us much faster from now on. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'service_response.phone.full',
    cause: 'service_response',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说{problem}，特意打电话来跟您道歉，让您等了那么久，真的很抱歉。',
        en: "I saw that {problem}, so I'm calling to apologise. I'm really sorry you waited so long.",
      },
      {
        stage: 'apologise',
        zh: '那几天咨询的人比较多，但让您干等着没人理，确实是我们的问题，再次跟您说声对不起。现在排班已经调整了。',
        en: "We had a lot of enquiries those days, but leaving you waiting with no answer was our failing, and I'm sorry again. We've since changed our rota.",
        note: { zh: '“人多”只能一句带过，不能当作理由。', en: 'Mention the busy period in passing at most; it is never an excuse.' },
      },
      {
        stage: 'remedy',
        zh: '您当时想问的是什么？……好的，这件事我来跟进，给您安排{remedy}。',
        en: "What did you want to ask at the time? … Right, I'll follow this up myself and arrange {remedy} for you.",
      },
      agreeStep(),
      closingStep({ zh: '谢谢您的耐心，之前让您久等了，实在抱歉。', en: 'Thank you for your patience, and sorry again for the long wait.' }),
    ],
  },
  {
    id: 'service_response.phone.short',
    cause: 'service_response',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '{problem}，真的很抱歉。',
        en: "I'm really sorry that {problem}.",
      },
      {
        stage: 'remedy',
        zh: '您的问题现在由我跟进，给您安排{remedy}。再次抱歉让您久等。',
        en: "I'm following up your issue myself and will arrange {remedy}. Sorry again for the wait.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您处理好，我主动在旺旺上告诉您。谢谢您，再见。',
        en: "It will be sorted by {agreedTime}, and I'll tell you on Wangwang without you needing to ask. Thank you, goodbye.",
      },
    ],
  },

  // -------------------------------------------------------------------------------------- after_sales
  {
    id: 'after_sales.explanation.followed_through',
    cause: 'after_sales',
    channel: 'explanation',
    variant: { zh: '专人跟进', en: 'One person follows it through' },
    text: {
      zh: '您好，您反馈{problem}，非常抱歉，本该帮您解决问题的环节，反而让您更添烦恼。我们已经重新梳理了这笔订单的售后经过，并私下联系您，由专人一直跟进，直到问题处理完为止。我们也在简化退换货和退款的流程，缩短等待时间。谢谢您的反馈，{shopName}会把售后做得更好。',
      en: 'Hello, you told us {problem}, and we are very sorry; the part that should have solved your problem only added to it. We have gone back over the history of this order and contacted you privately, and one colleague will follow it through until it is resolved. We are also simplifying our returns and refunds to shorten waiting times. Thank you for the feedback; {shopName} will do better.',
    },
  },
  {
    id: 'after_sales.explanation.process',
    cause: 'after_sales',
    channel: 'explanation',
    variant: { zh: '流程改进', en: 'Process improved' },
    text: {
      zh: '对这次售后过程中的拖延和沟通不顺，我们深表歉意。退换货、退款、保修、发票和安装这些事，本来就应该让顾客省心。我们已经为这类问题指定了专人负责，并承诺在约定的时间内给出结果。您的事情我们正在跟进，有进展会第一时间告诉您。',
      en: 'We sincerely apologise for the delays and poor communication during this after-sales process. Returns, refunds, warranty repairs, invoices and installation should all be hassle-free for our customers. We have assigned a named person to these matters and commit to results within the agreed time. We are following up on your case and will tell you as soon as there is progress.',
    },
  },
  {
    id: 'after_sales.chat.first_contact',
    cause: 'after_sales',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。看到您说{problem}，真的非常抱歉。您这单{itemTitle}之前的处理记录我都看过了，接下来由我专门负责，您不用再跟不同的人重复说明。{fix}',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I saw that {problem}, and I'm truly sorry. I've read the whole history of your {itemTitle} order, and from now on I'm personally responsible for it, so you won't need to explain it again to someone new. {fix}",
    },
  },
  {
    id: 'after_sales.chat.confirm',
    cause: 'after_sales',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。您的售后我们这样处理：{remedy}，我会在{agreedTime}前办完，每一步进度都会在旺旺上告诉您。之前的拖延给您添了很多麻烦，再次向您道歉。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Here's how we'll settle your after-sales case: {remedy}. I'll have it finished by {agreedTime} and update you on Wangwang at every step. I'm sorry again for the delays that caused you so much trouble. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'after_sales.phone.full',
    cause: 'after_sales',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说{problem}，特意打电话来跟您道歉。让您来回折腾，真的非常抱歉。',
        en: "I saw that {problem}, and I'm calling to apologise. I'm truly sorry for all the back and forth.",
      },
      {
        stage: 'apologise',
        zh: '之前的记录我都看过了，中间有拖延、有沟通不清楚的地方，责任在我们，再次跟您说声对不起。接下来这件事由我一个人负责到底。',
        en: "I've read the whole history: there were delays and unclear messages, and that's our responsibility. I'm sorry again. From now on, I'll handle it myself until it's done.",
        note: {
          zh: '先问清楚现在卡在哪一步（退款、换货、保修、发票、安装），再谈方案。',
          en: 'First find out where it is stuck (refund, exchange, warranty, invoice, installation), then discuss the remedy.',
        },
      },
      {
        stage: 'remedy',
        zh: '我们这样处理：{remedy}。中间有任何变化，我都会先告诉您。',
        en: "Here's what we'll do: {remedy}. If anything changes along the way, I'll tell you first.",
      },
      agreeStep(),
      closingStep({ zh: '谢谢您的耐心，这段时间让您费心了，再次抱歉。', en: "Thank you for your patience; I'm sorry for all the hassle." }),
    ],
  },
  {
    id: 'after_sales.phone.short',
    cause: 'after_sales',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '{problem}，真的很抱歉，接下来由我负责。',
        en: "I'm really sorry that {problem}; I'm taking it over now.",
      },
      {
        stage: 'remedy',
        zh: '我们给您安排{remedy}，进度我会随时告诉您。再次抱歉。',
        en: "We'll arrange {remedy} for you, and I'll keep you updated. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您办完，我在旺旺上跟您确认。谢谢您，再见。',
        en: "It will be finished by {agreedTime}, and I'll confirm on Wangwang. Thank you, goodbye.",
      },
    ],
  },
];
