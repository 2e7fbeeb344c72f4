/**
 * Malicious reviews (malicious): extortion, competitors, abuse, spam, text unrelated to the trade.
 * Strategy: no persuasion and no bargaining. The public explanation is calm and factual, written for future
 * buyers. Chat and phone only state the facts, keep the door open for a genuine product problem through the
 * normal after-sales process, refuse anything outside the rules, and say the records are kept. They never
 * mention the review, never accuse, never threaten; the complaint to the platform is a separate step.
 */
import { IDENTIFY_NOTE, type RawTemplate } from './common';

export const MALICIOUS_TEMPLATES: RawTemplate[] = [
  {
    id: 'malicious.explanation.facts',
    cause: 'malicious',
    channel: 'explanation',
    variant: { zh: '陈述事实', en: 'State the facts' },
    text: {
      zh: '感谢关注。我们核对了这笔订单的发货、物流和沟通记录：商品按时发出、正常签收，期间没有收到关于商品问题的售后申请，评价中提到的情况与记录不一致。相关记录我们已经如实保存，会按平台规则处理。如果您在使用中确实遇到问题，欢迎随时联系客服，我们会按正常的售后流程认真处理。{shopName}一直以真实的商品和服务对待每一位顾客。',
      en: 'We have checked the dispatch, delivery and chat records for this order: the item was shipped on time and signed for normally, no after-sales request was received, and the review does not match these records. The records have been kept and this will be handled under the platform rules. If there is a genuine problem with the item, please contact our customer service and we will handle it through our normal after-sales process. {shopName} serves every customer honestly.',
    },
  },
  {
    id: 'malicious.explanation.unrelated',
    cause: 'malicious',
    channel: 'explanation',
    variant: { zh: '内容与交易无关', en: 'Unrelated to the purchase' },
    text: {
      zh: '我们尊重每一位顾客的评价，也欢迎真实的批评。这条评价的内容与所购商品和交易过程无关，我们已经保存相关记录，并按平台规则提交处理。如果您对商品有任何疑问，欢迎联系客服，我们会如实解答。',
      en: 'We respect every customer\'s review and welcome genuine criticism. The content of this review is unrelated to the item purchased or the transaction, so we have kept the relevant records and submitted it to the platform under its rules. If you have any questions about the item, please contact our customer service and we will answer honestly.',
    },
  },
  {
    id: 'malicious.chat.clarify',
    cause: 'malicious',
    channel: 'chat',
    variant: { zh: '说明事实', en: 'Clarify the facts' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。关于这笔{itemTitle}订单，我们核对了发货、物流和聊天记录，跟您说明一下实际情况：商品是按时发出、正常签收的，我们没有收到过关于商品问题的反馈。如果商品确实有问题，请把照片和具体情况发给我，我们会按正常的售后流程处理。相关记录我们都已如实保存。',
      en: 'Hello {buyerNick}, this is {agent} at {shopName}. We have checked the dispatch, delivery and chat records for your {itemTitle} order, and I would like to set out the facts: the item was shipped on time and signed for normally, and we have not received any report of a problem with it. If there really is a problem with the item, please send me photos and details, and we will handle it through our normal after-sales process. All the relevant records have been kept as they are.',
    },
  },
  {
    id: 'malicious.chat.boundary',
    cause: 'malicious',
    channel: 'chat',
    variant: { zh: '说明处理原则', en: 'State our limits' },
    text: {
      zh: '{buyerNick}您好，我是{shopName}的{agent}。您提出的要求我们已经看到了。店铺的售后都按平台规则和商品的实际情况处理：商品有质量问题，我们按流程为您退换；规则以外的额外要求，我们没办法答应，还请理解。双方的沟通记录我们都已保存。如果您愿意说明商品的具体问题，我们随时可以处理。',
      en: 'Hello {buyerNick}, this is {agent} at {shopName}. We have seen your request. Our after-sales service follows the platform rules and the actual condition of the item: if the item has a quality problem, we will return or exchange it through the normal process; requests beyond those rules are something we cannot agree to, and we hope you understand. The records of our conversation have been kept. If you would like to describe a specific problem with the item, we are ready to deal with it at any time.',
    },
  },
  {
    id: 'malicious.phone.facts',
    cause: 'malicious',
    channel: 'phone',
    variant: { zh: '只核实事实', en: 'Facts only' },
    steps: [
      {
        stage: 'identify',
        zh: '您好，我是{shopName}的{agent}。请问您是在我们店买了{itemTitle}的顾客吗？',
        en: 'Hello, this is {agent} at {shopName}. Are you the customer who bought {itemTitle} from us?',
        note: {
          zh: `${IDENTIFY_NOTE.zh}这通电话只核实事实，不劝说、不讨价还价、不提评价。`,
          en: `${IDENTIFY_NOTE.en} This call only checks the facts: no persuasion, no bargaining, no mention of the review.`,
        },
      },
      {
        stage: 'apologise',
        zh: '抱歉打扰您。很遗憾这次的购物让您不愉快，所以想跟您核实一下具体情况。',
        en: "Sorry to bother you. I'm sorry this purchase left you unhappy, so I'd like to check the details with you.",
      },
      {
        stage: 'apologise',
        zh: '请问商品具体是哪里有问题呢？……好的，我记下了。',
        en: 'Could you tell me exactly what is wrong with the item? … All right, I have noted that.',
        note: {
          zh: '只听、只记，不争辩，不指责对方；对方骂人或提出以评价换钱的要求，不接话。',
          en: 'Listen and take notes only; do not argue or accuse. If the buyer is abusive or asks for money over the review, do not engage.',
        },
      },
      {
        stage: 'remedy',
        zh: '如果商品确实有问题，麻烦您把照片发到旺旺，我们按正常的售后流程为您处理；规则以外的要求，我们没办法答应，还请您理解。',
        en: 'If there is a genuine problem with the item, please send photos on Wangwang and we will handle it through the normal after-sales process; anything beyond the rules is something we cannot agree to, and we hope you understand.',
      },
      {
        stage: 'agree',
        zh: '那就这样，您方便时把照片发给我，我们收到后按流程处理。这次的沟通我们会如实记录。打扰您了，再见。',
        en: "So, when convenient, please send me the photos, and we'll process them once they arrive. We will keep an accurate record of this conversation. Sorry to have disturbed you, goodbye.",
        note: {
          zh: '挂断后在回访台记下通话要点和时间，留作向平台投诉的证据。',
          en: 'After the call, record the main points and the time in ReviewDesk as evidence for a complaint to the platform.',
        },
      },
    ],
  },
  {
    id: 'malicious.phone.brief',
    cause: 'malicious',
    channel: 'phone',
    variant: { zh: '简短说明', en: 'Brief call' },
    steps: [
      {
        stage: 'identify',
        zh: '您好，我是{shopName}的{agent}，请问是在我们店买了{itemTitle}的顾客吗？',
        en: 'Hello, this is {agent} at {shopName}. Are you the customer who bought {itemTitle} from us?',
        note: { zh: `${IDENTIFY_NOTE.zh}不劝说，不提评价。`, en: `${IDENTIFY_NOTE.en} No persuasion, no mention of the review.` },
      },
      {
        stage: 'apologise',
        zh: '抱歉打扰，很遗憾这次购物让您不满意。',
        en: "Sorry to disturb you; I'm sorry the purchase left you dissatisfied.",
      },
      {
        stage: 'remedy',
        zh: '我们核对过订单，商品是按时发出、正常签收的。如果确实有问题，请发照片到旺旺，我们按售后流程处理。',
        en: 'We have checked the order: the item was shipped on time and signed for normally. If there is a real problem, please send photos on Wangwang and we will follow our after-sales process.',
      },
      {
        stage: 'agree',
        zh: '收到照片后我们会在旺旺上回复您。相关记录我们都已保存。谢谢，再见。',
        en: 'Once we have the photos, we will reply on Wangwang. All the relevant records have been kept. Thank you, goodbye.',
      },
    ],
  },
];
