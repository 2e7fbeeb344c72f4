/**
 * Problem kinds of the causes about the shop's people, money, taste and the rest (see ./problems.ts).
 */
import type { ProblemSet } from './problems';

export const PEOPLE_PROBLEMS = {
  // problem: a whole clause about our customer service, read after "看到您说" / "非常抱歉，" and "I saw that" / "sorry that".
  service_attitude: {
    neutral: {
      problem: { zh: '我们的服务让您不满意', en: 'our service let you down' },
      fix: {
        zh: '您当时想解决的问题，现在由我来跟进，您看具体还有哪些需要我们处理？',
        en: 'I will personally take over the matter you were trying to sort out; what still needs to be done for you?',
      },
    },
    kinds: [
      {
        id: 'blamed_buyer',
        match: /说我|怪我|赖我|不承认|不认账|抵赖|甩锅/,
        problem: { zh: '我们客服把责任推到了您身上', en: 'our customer service put the blame on you' },
      },
      {
        id: 'brushed_off',
        match: /敷衍|推脱|推卸|推三阻四|推来推去|互相推|踢皮球|爱理不理|爱答不理|爱搭不理|不讲信用|不守信|没诚信|不诚信/,
        problem: { zh: '我们客服推脱敷衍，没把您的问题当回事', en: 'our customer service brushed you off' },
      },
      {
        id: 'rude',
        match: /态度|凶|骂|吼|恶劣|没礼貌|不礼貌|没素质|不耐烦|冷淡|冷冰冰|傲慢|嚣张|彪|怼|挂电话|嘲笑|讽刺|阴阳怪气|不尊重|口气|语气/,
        problem: { zh: '我们客服的态度不好', en: 'our customer service was rude to you' },
      },
    ],
  },

  // problem: a whole clause, read after "看到您说" / "非常抱歉，" and "I saw that" / "sorry that".
  service_response: {
    neutral: {
      problem: { zh: '之前联系客服很不顺畅', en: 'it was hard to get an answer from our customer service' },
      fix: {
        zh: '您当时想问的问题，方便再跟我说一下吗？接下来由我专门跟进，保证及时回复您。',
        en: 'Could you tell me again what you wanted to ask? I will follow it up personally and make sure you get prompt replies.',
      },
    },
    kinds: [
      {
        id: 'chatbot_only',
        match: /机器人|人工/,
        problem: { zh: '找客服一直是机器人在回复，转不到人工', en: 'you only got the chatbot and could not reach a person' },
      },
      {
        id: 'no_reply',
        match: /不回|没回|不理|没人|联系不上|联系不到|找不到|找不着|打不通|石沉大海|不搭理|杳无音信|没有音讯|没下文|没有下文|不在线|不接|装死|失联|消失/,
        problem: { zh: '之前找客服一直没人回复', en: 'nobody answered when you contacted customer service' },
      },
      {
        id: 'slow_reply',
        match: /慢|半天|效率|久|等|不及时|一天|几天/,
        problem: { zh: '之前客服回复太慢', en: 'our customer service was slow to reply' },
      },
    ],
  },

  // problem: a whole clause about the after-sales matter, read after "看到您说" / "非常抱歉，" and "I saw that".
  after_sales: {
    neutral: {
      problem: { zh: '这次的售后处理让您不满意', en: 'our after-sales handling let you down' },
      fix: {
        zh: '现在还差哪一步没办好？您跟我说一下，我今天就给您一个明确的处理方案。',
        en: "Which step is still not done? Tell me, and I'll give you a clear plan today.",
      },
    },
    kinds: [
      {
        id: 'installation_charges',
        match: /(安装|材料|上门|师傅|手工).{0,8}(费|钱|元|块|贵|收|花)|乱收费|另收费|额外收费/,
        problem: { zh: '安装时另外收了不少费用', en: 'you were charged extra for the installation' },
        fix: {
          zh: '收费明细麻烦您发给我，我对照厂家的收费标准帮您核实，不合理的部分由我们来处理。',
          en: "Please send me the list of charges; I'll check them against the manufacturer's rates, and we will deal with anything that should not have been charged.",
        },
      },
      {
        id: 'costs_passed_on',
        match: /运费|邮费|自己(出|付|承担|掏)|我(出|付)|掏钱|自费|个人付款|(让|要|叫)(我)?(出|付|承担|掏)|维修费|检测费/,
        problem: { zh: '售后的费用要您自己承担', en: 'you were asked to pay the after-sales costs yourself' },
        fix: {
          zh: '费用的事我来核实，该由我们承担的都由我们来出，核实后马上给您答复。',
          en: 'I will look into the costs; whatever should be ours, we will pay, and I will get back to you as soon as I have checked.',
        },
      },
      {
        id: 'invoice',
        match: /发票|开票|票/,
        problem: { zh: '发票没有开给您', en: 'you did not receive an invoice' },
        fix: {
          zh: '发票的事由我负责，核实订单信息后尽快给您补开。',
          en: 'I will take care of the invoice and have it issued as soon as I have checked the order details.',
        },
      },
      {
        id: 'not_resolved',
        match: /(不给|不帮|无法|没(有)?|不)(解决|处理)/,
        problem: { zh: '问题一直没给您解决', en: 'your problem was never resolved' },
      },
      {
        id: 'request_refused',
        match: /不给|不让|不能|不肯|拒|不同意|不予|不接受|不帮|无法|驳回|不通过|通不过|没通过|不行|(退|换|修)不(了|成)/,
        names: [
          [/退款|退钱/, { zh: '退款', en: 'refund' }],
          [/换货|换/, { zh: '换货', en: 'exchange' }],
          [/退货|退换|退/, { zh: '退货', en: 'return' }],
          [/维修|修理|修|保修|质保|三包|检测/, { zh: '维修', en: 'repair' }],
        ],
        problem: { zh: '您的%s申请被拒绝了', en: 'your %s request was turned down' },
      },
      {
        id: 'refund',
        match: /退款|退钱|赔付|索赔|赔偿|理赔/,
        problem: { zh: '退款的事让您来回折腾', en: 'sorting out your refund put you to a lot of trouble' },
      },
      {
        id: 'repair',
        match: /维修|修理|修了|保修|质保|三包|返厂|返修|送修|检测/,
        problem: { zh: '维修的事让您来回折腾', en: 'getting it repaired put you to a lot of trouble' },
      },
      {
        id: 'installation',
        match: /安装|上门/,
        problem: { zh: '安装的事让您不满意', en: 'the installation let you down' },
      },
      {
        id: 'return_or_exchange',
        match: /退|换/,
        problem: { zh: '退换货让您来回折腾', en: 'the return or exchange put you to a lot of trouble' },
      },
    ],
  },

  // problem: a whole clause about the price, read after "看到您说" and "I saw that".
  price_value: {
    neutral: {
      problem: { zh: '这次买得不太划算', en: 'this purchase did not feel like good value' },
      fix: {
        zh: '这款的价格里包含了用料、做工、质检和售后保障。如果是买完后降价了，把下单时间告诉我，我按店铺的价保规则帮您核对，符合的话退还差价。',
        en: "The price covers materials, workmanship, checks and after-sales support. If it dropped after you bought, tell me your order date and I'll check our price protection.",
      },
    },
    kinds: [
      {
        id: 'price_dropped',
        match: /降|便宜了|差价|价格保护|保价|掉价|跳水|半价|(买|收到|下单|到货|到手|第二天|隔天).{0,8}(便宜|(?<!满)减|优惠|打折|活动)/,
        problem: { zh: '买完没多久就降价了', en: 'the price dropped soon after you bought it' },
        fix: {
          zh: '您把下单时间告诉我，我帮您看看是否符合店铺的价保规则，符合的话差价退还给您。',
          en: "Tell me when you ordered and I'll check our shop's price-protection rules; if it qualifies, we'll refund the difference.",
        },
      },
      {
        id: 'cheaper_elsewhere',
        match: /超市|实体店|专卖店|专柜|外面|市场|别家|别的店|其他店|别人家|京东|拼多多|小店|楼下|水果店/,
        problem: { zh: '别的地方卖得比我们便宜', en: 'it is sold cheaper elsewhere' },
        fix: {
          zh: '不同渠道的价格确实会有差别，我们的价格里包含了正品保障、出厂质检和售后服务。您的感受我们完全理解，商品本身有哪里不满意，也请告诉我。',
          en: 'Prices vary between sellers; ours includes a genuine-goods guarantee, quality checks and after-sales support. If anything about the item disappointed you, please tell me.',
        },
      },
      {
        id: 'overpriced',
        match: /贵|不值|不划算|亏|浪费|冤枉|智商税|白花|值|价格|价钱|这个价|这价|性价比|高/,
        problem: { zh: '东西不值这个价', en: 'it was not worth the price' },
        fix: {
          zh: '这款的价格里包含了用料、做工、出厂质检和售后保障，当然您的感受我们也完全理解。商品本身有哪里让您不满意，也请告诉我。',
          en: 'The price covers materials, workmanship, quality checks and after-sales support, though I understand how you feel. If anything about the item disappointed you, tell me.',
        },
      },
    ],
  },

  // problem: how the goods fell short of the buyer's taste, read after "{itemTitle}" / "这次买的东西" and
  // "the {itemTitle}" / "your purchase". Never a fault: a fault is another cause.
  subjective: {
    neutral: {
      problem: { zh: '不太合您的心意', en: 'was not quite what you wanted' },
      fix: {
        zh: '想问问您，主要是哪里和您预想的不一样呢？是款式、手感，还是别的方面？您随便说说就好。',
        en: 'May I ask what felt different from what you expected? The style, the feel, or something else? Just tell me whatever comes to mind.',
      },
    },
    kinds: [
      {
        id: 'taste',
        match: /好吃|难吃|不甜|酸|味|口感|好喝|难喝|太淡|很淡|寡淡/,
        problem: { zh: '不太合您的口味', en: 'was not to your taste' },
        fix: {
          zh: '每个人的口味不太一样，您的感受我已经转给负责选品的同事了。',
          en: "Tastes differ, and I've passed your comments on to the colleagues who choose our products.",
        },
      },
      {
        id: 'looks',
        match: /好看|难看|丑|土|老气|款式|样子|显胖|显老|显黑|洋气|时尚/,
        problem: { zh: '样子不太合您的心意', en: "did not look the way you'd hoped" },
        fix: {
          zh: '款式的喜好每个人都不一样，您的意见我已经转给负责选品和设计的同事了。',
          en: "Everyone's taste in style differs, and I've passed your comments on to the colleagues who choose and design our products.",
        },
      },
      {
        id: 'does_not_suit',
        match: /不舒服|不适合|不合适|不实用|鸡肋|不方便|不习惯|不好穿|不好用/,
        problem: { zh: '用起来不太合适', en: 'did not suit you in use' },
        fix: {
          zh: '想问问您，主要是哪里用着不顺手呢？您说说，我看看能帮上什么忙。',
          en: "May I ask what didn't work for you in use? Tell me, and I'll see how I can help.",
        },
      },
      {
        id: 'expectations',
        match: /预期|想象|想像|期望|落差|不如以前|没以前/,
        problem: { zh: '和您预想的不太一样', en: 'was not what you expected' },
      },
    ],
  },

  // Malicious reviews get no problem wording (the replies state facts only); the kind only decides which
  // variant leads. problem and fix stay neutral and unused.
  malicious: {
    neutral: {
      problem: { zh: '这次购物让您不满意', en: 'this purchase left you unhappy' },
      fix: { zh: '如果商品确实有问题，我们按正常的售后流程处理。', en: 'If there is a genuine problem with the item, we will handle it through our normal after-sales process.' },
    },
    kinds: [
      {
        // Money demanded over the review, or a threat: state the limits first. (好评返现 is also a malicious cue,
        // but there the buyer reports the shop's offer; that is no demand.)
        id: 'demand',
        match: /(?<!返)钱|红包|赔|敲诈|勒索|要挟|走着瞧|你等着|等着瞧|曝光|告你|告死|搞臭|搞垮|搞死|弄死|整死/,
        problem: { zh: '这次购物让您不满意', en: 'this purchase left you unhappy' },
        lead: ['malicious.chat.boundary'],
      },
      {
        // A repost, news item or advert: the public answer says it is unrelated to the purchase.
        id: 'unrelated',
        match: /http|www|t\.cn|@|#|微博|转发|转载|分享自|新闻|报道|央视|记者|据悉|网友|被曝|丑闻|董事长|总裁|集团|股价|股票|广告|代言|赞助|召回|声明|发布会|公关|抵制|爆料|内幕|黑幕|网传|谣言|辟谣|热议|围观|头条|曝出|揭秘|加微信|qq|兼职|代理|v信/,
        problem: { zh: '这次购物让您不满意', en: 'this purchase left you unhappy' },
        lead: ['malicious.explanation.unrelated'],
      },
    ],
  },

  // problem: a whole clause, read after "看到您说" / "I saw that".
  other: {
    neutral: {
      problem: { zh: '这次购物遇到了问题', en: 'something went wrong with this purchase' },
      fix: {
        zh: '想具体了解一下您遇到的是什么问题，方便跟我说说吗？我会一直跟进，直到给您处理好。',
        en: "Could you tell me a bit more about what went wrong? I'll stay on it until it's sorted out for you.",
      },
    },
    kinds: [
      {
        id: 'privacy',
        match: /隐私|泄露|个人信息|保密/,
        problem: { zh: '您的个人信息没有保护好', en: 'your personal details were not kept private' },
        fix: {
          zh: '您的信息安全我们非常重视。方便告诉我是哪里让您觉得信息被泄露了吗？我马上核查。',
          en: 'We take the safety of your details very seriously. Could you tell me what made you feel they were exposed? I will look into it at once.',
        },
      },
      {
        id: 'automatic',
        match: /自动|默认/,
        problem: { zh: '系统自动替您做了确认', en: 'the system confirmed things automatically for you' },
        fix: {
          zh: '系统自动确认的规则我们说明得不够清楚，这一点我记下了。您现在还有需要处理的地方吗？',
          en: 'We did not explain the automatic confirmation clearly enough, and I have noted that. Is there anything that still needs sorting out for you?',
        },
      },
      {
        id: 'coupon_or_points',
        match: /券|京豆|积分|会员|等级|代金/,
        problem: { zh: '优惠券或积分没有到账', en: 'your coupon or points did not come through' },
        fix: {
          zh: '您把订单号和对应的活动告诉我，我帮您查一下没到账的原因。',
          en: 'Send me the order number and the offer it was for, and I will find out why it did not come through.',
        },
      },
      {
        id: 'promotion',
        match: /秒杀|抢购|限购|预售|抽奖|活动|包邮/,
        problem: { zh: '活动的规则让您不满意', en: 'the promotion did not work out for you' },
        fix: {
          zh: '活动规则我们说明得不够清楚，这一点我记下了。具体是哪里让您觉得不合理，方便跟我说说吗？',
          en: 'We did not explain the promotion rules clearly enough, and I have noted that. Could you tell me what felt unfair?',
        },
      },
      {
        id: 'order_cancelled',
        match: /取消|关闭/,
        problem: { zh: '订单被取消了', en: 'your order was cancelled' },
        fix: {
          zh: '我帮您查一下订单被取消的原因，查清楚后马上告诉您。',
          en: 'I will find out why the order was cancelled and tell you as soon as I know.',
        },
      },
    ],
  },
} satisfies Partial<Record<string, ProblemSet>>;
