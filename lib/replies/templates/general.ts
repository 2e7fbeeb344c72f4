/**
 * A concrete complaint outside the list (other), and generic variants for any cause ('any'): a reminder
 * once the promised remedy is done, a gentle second message when the first went unanswered, and a
 * follow-up call after the remedy.
 */
import { OPTIONAL_REVIEW_ASK, agreeStep, closingStep, identifyStep, type RawTemplate } from './common';

export const GENERAL_TEMPLATES: RawTemplate[] = [
  // -------------------------------------------------------------------------------------------- other
  {
    id: 'other.explanation.apology',
    cause: 'other',
    channel: 'explanation',
    variant: { zh: '致歉与跟进', en: 'Apology and follow-up' },
    text: {
      zh: '您好，您反馈{problem}，非常抱歉给您带来了不好的体验。这个问题我们已经认真核实，并私下联系您商量解决办法。每一条评价我们都会仔细看、逐条改进，这次的问题也已经记录下来，交给相关同事跟进。谢谢您的反馈，{shopName}会做得更好。',
      en: 'Hello, you told us {problem}, and we are very sorry for the poor experience. We have looked carefully into it and contacted you privately to agree how to put it right. We read every review closely and act on each one; this issue has been logged and passed to the colleagues responsible. Thank you for the feedback; {shopName} will do better.',
    },
  },
  {
    id: 'other.explanation.short',
    cause: 'other',
    channel: 'explanation',
    variant: { zh: '简短致歉', en: 'Short apology' },
    text: {
      zh: '感谢您的反馈，也为这次给您带来的不便诚恳道歉。问题的原因我们已经查清，并做了相应的改进。如果您还有任何需要，欢迎随时联系客服，我们会尽力帮您解决。',
      en: 'Thank you for the feedback, and our sincere apologies for the inconvenience. We have found the cause of the problem and made changes accordingly. If there is anything else you need, please contact our customer service at any time and we will do our best to help.',
    },
  },
  {
    id: 'other.chat.first_contact',
    cause: 'other',
    channel: 'chat',
    variant: { zh: '首次联系', en: 'First contact' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。关于您买的{itemTitle}，看到您说{problem}，很抱歉给您添麻烦了。{fix}',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. About your {itemTitle}: I saw that {problem}, and I'm sorry for the trouble. {fix}",
    },
  },
  {
    id: 'other.chat.confirm',
    cause: 'other',
    channel: 'chat',
    variant: { zh: '确认方案', en: 'Confirm the remedy' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。按我们商量的，给您安排{remedy}，会在{agreedTime}前办好，办完我再告诉您。这次给您添了麻烦，再次说声抱歉，也谢谢您的耐心。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. As we discussed, we have arranged {remedy} for you; it will be done by {agreedTime}, and I'll let you know once it is. Sorry again for the trouble, and thank you for your patience. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'other.phone.full',
    cause: 'other',
    channel: 'phone',
    variant: { zh: '完整回访', en: 'Full call' },
    steps: [
      identifyStep('full'),
      {
        stage: 'apologise',
        zh: '看到您说{problem}，特意打电话来跟您道个歉，给您添麻烦了，真的很抱歉。',
        en: "I saw that {problem}, so I'm calling to apologise. I'm really sorry for the trouble.",
      },
      {
        stage: 'apologise',
        zh: '能跟我具体说说遇到了什么问题吗？……明白了，这确实是我们没做好，再次跟您说声对不起。',
        en: "Could you tell me exactly what happened? … I see. We clearly didn't get it right, and I'm sorry again.",
        note: { zh: '先听完再说方案，复述一遍对方的问题。', en: 'Listen to the end before proposing anything, and repeat the problem back.' },
      },
      {
        stage: 'remedy',
        zh: '针对您说的情况，我们给您安排{remedy}，您看这样可以吗？',
        en: "For what you've described, we'd like to arrange {remedy}. Would that be all right?",
      },
      agreeStep(),
      closingStep({ zh: '好的，耽误您时间了，再次抱歉。', en: 'Thank you for your time, and sorry again.' }),
    ],
  },
  {
    id: 'other.phone.short',
    cause: 'other',
    channel: 'phone',
    variant: { zh: '简短回访', en: 'Short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '{problem}，给您添麻烦了，真的很抱歉。',
        en: "I'm really sorry that {problem}; it caused you trouble.",
      },
      {
        stage: 'remedy',
        zh: '我们给您安排{remedy}。再次跟您说声抱歉。',
        en: "We'll arrange {remedy} for you. Sorry again.",
      },
      {
        stage: 'agree',
        zh: '{agreedTime}前给您办好，我在旺旺上跟您确认。谢谢您，再见。',
        en: "It will be done by {agreedTime}, and I'll confirm on Wangwang. Thank you, goodbye.",
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------- any
  {
    id: 'any.explanation.general',
    cause: 'any',
    channel: 'explanation',
    variant: { zh: '通用致歉', en: 'General apology' },
    text: {
      zh: '您好，非常感谢您的反馈，也为这次没能让您满意真诚地向您道歉。我们已经私下联系您了解情况、处理问题，您提到的不足也已经交给相关同事改进。{shopName}会继续努力，让每一位顾客都买得放心。',
      en: 'Hello, thank you very much for the feedback, and our sincere apologies for not meeting your expectations this time. We have contacted you privately to understand and resolve the problem, and the shortcomings you mentioned have been passed on to the colleagues responsible. {shopName} will keep working so every customer can buy with confidence.',
    },
  },
  {
    id: 'any.explanation.improve',
    cause: 'any',
    channel: 'explanation',
    variant: { zh: '通用改进说明', en: 'General improvement note' },
    text: {
      zh: '抱歉这次给您带来了不好的体验。您指出的问题我们都认真看了，已经查明原因并做出调整，避免后面的顾客遇到同样的情况。谢谢您愿意花时间告诉我们。',
      en: 'We are sorry for the poor experience this time. We have read every point you raised, found the cause and made changes so that future customers will not run into the same problem. Thank you for taking the time to tell us.',
    },
  },
  {
    id: 'any.chat.remedy_done',
    cause: 'any',
    channel: 'chat',
    variant: { zh: '补偿已办好', en: 'Remedy done' },
    text: {
      zh: `{buyerNick}您好，我是{shopName}的{agent}。跟您说一声，之前约好的{remedy}已经办好了，您方便时查看一下。如果还有哪里不满意，随时告诉我。这次给您添麻烦了，再次抱歉。${OPTIONAL_REVIEW_ASK.zh}`,
      en: `Hello {buyerNick}, this is {agent} at {shopName}. Just to let you know that what we agreed, {remedy}, has now been done; please have a look when convenient. If anything is still not right, tell me any time. Sorry again for the trouble. ${OPTIONAL_REVIEW_ASK.en}`,
    },
  },
  {
    id: 'any.chat.second_message',
    cause: 'any',
    channel: 'chat',
    variant: { zh: '未回复时再问候', en: 'Gentle second message' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。前两天给您留了言，可能您比较忙。关于{itemTitle}的问题我们一直记着，很抱歉给您添了麻烦。您有空时回复我就好，我们随时为您处理，不会频繁打扰您。',
      en: "Hello {buyerNick}, this is {agent} at {shopName}. I left you a message a couple of days ago; you may have been busy. We haven't forgotten the problem with your {itemTitle}, and I'm sorry for the trouble it caused. Just reply whenever you have a moment and we'll take care of it; we won't keep messaging you.",
    },
  },
  {
    id: 'any.phone.after_remedy',
    cause: 'any',
    channel: 'phone',
    variant: { zh: '办好后回访', en: 'Call after the remedy' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '之前的事给您添了麻烦，再次跟您说声抱歉。',
        en: "I'm sorry again for the trouble you had earlier.",
      },
      {
        stage: 'remedy',
        zh: '想跟您确认一下，之前约好的{remedy}已经办好了，您那边收到了吗？还有没有不满意的地方？',
        en: "I wanted to check: what we agreed, {remedy}, has been done. Have you received it? Is there anything you're still not happy with?",
        note: {
          zh: '对方说还有问题，就记下来另约处理时间。',
          en: 'If something is still wrong, note it and agree a new time to deal with it.',
        },
      },
      closingStep({ zh: '好的，谢谢您，这次给您添麻烦了，实在抱歉。', en: 'Thank you, and I really am sorry for the trouble.' }),
    ],
  },
  {
    id: 'any.phone.short',
    cause: 'any',
    channel: 'phone',
    variant: { zh: '通用简短回访', en: 'General short call' },
    steps: [
      identifyStep('short'),
      {
        stage: 'apologise',
        zh: '看到您这次购物不太满意，特意打电话跟您道歉，真的很抱歉。',
        en: "I saw you weren't happy with your purchase, and I'm calling to apologise. I'm really sorry.",
      },
      {
        stage: 'remedy',
        zh: '我们给您安排{remedy}，您看可以吗？再次抱歉给您添了麻烦。',
        en: "We'd like to arrange {remedy} for you. Would that be all right? Sorry again for the trouble.",
      },
      agreeStep(),
    ],
  },
];
