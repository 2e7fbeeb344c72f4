/**
 * Problem kinds of the causes about the parcel and the goods (see ./problems.ts). The triggers they are read
 * from are the review's own cue words (lib/causes/lexicon.ts), e.g. 不送上门, 满赠, 颜色发错, 有股怪味, 色差.
 * A kind only names what its words say; anything vaguer (a bare 快递, 有问题) stays neutral.
 */
import type { ProblemSet } from './problems';

export const GOODS_PROBLEMS = {
  // problem: a whole clause about the delivery, read after "看到您说" / "非常抱歉，" and "I saw that" / "sorry that".
  logistics_delay: {
    neutral: {
      problem: { zh: '这次的物流和派送让您不满意', en: 'the delivery let you down' },
      fix: {
        zh: '我们已经把这次的情况反馈给快递公司，要求他们改进。',
        en: 'We have passed this on to the courier company and asked them to do better.',
      },
    },
    kinds: [
      {
        id: 'signed_by_someone_else',
        match: /签收|冒领|冒签|代签/,
        problem: { zh: '包裹被别人签收了，没到您手上', en: 'someone else signed for the parcel and it never reached you' },
        fix: {
          zh: '我马上联系快递公司核实是谁签收的；包裹确实没到您手上的话，我们先给您重新发货，再由我们去找快递公司。',
          en: 'I will have the courier check who signed for it; if it really never reached you, we will send it again first and take it up with the courier ourselves.',
        },
      },
      {
        id: 'not_to_the_door',
        match: /上门|到家|上楼|到楼下|自己(去)?(取|拿)|我(去|下楼)?(取|拿|自提)|下楼|自提|驿站|快递柜|代收点|门卫|传达室|丢在|放在/,
        problem: { zh: '快递没有送货上门', en: 'the courier did not deliver to your door' },
        fix: {
          zh: '我们已经向快递公司投诉，要求按地址送货上门；以后给您发货，我们也会备注送货上门。',
          en: 'We have complained to the courier company and asked them to deliver to the address, and we will mark your future parcels for door delivery.',
        },
      },
      {
        id: 'thrown_about',
        match: /扔|摔在|地上|地下/,
        problem: { zh: '快递员把包裹随手乱扔', en: 'the courier threw your parcel about' },
        fix: {
          zh: '我们已经向快递公司投诉了这位快递员，要求他们规范派送。',
          en: 'We have complained to the courier company about this courier and asked them to handle parcels properly.',
        },
      },
      {
        id: 'not_arrived',
        match: /丢(了|件|包|失)|弄丢|快递丢|包裹丢|(没|未)(有)?收到|没到|未到|没送到|没送来|送到哪|跑到哪|到哪|不见了|找不到了/,
        problem: { zh: '包裹迟迟没有送到', en: 'the parcel still had not reached you' },
        fix: {
          zh: '我马上请快递公司查包裹的下落；确实丢了的话，我们先给您重新发货，再由我们找快递公司索赔。',
          en: 'I will have the courier trace the parcel; if it has been lost, we will send it again first and claim from the courier ourselves.',
        },
      },
      {
        id: 'no_notice',
        match: /短信|通知|打电话/,
        problem: { zh: '快递派送前没有打电话或发短信通知您', en: 'the courier did not call or text you before delivering' },
        fix: {
          zh: '我们已经向快递公司反馈，要求派送前先联系您。',
          en: 'We have asked the courier company to contact you before they deliver.',
        },
      },
      {
        id: 'courier_unreachable',
        match: /打不通|联系不上|联系不到|不接电话|没人接|不好找|关门/,
        problem: { zh: '快递那边一直联系不上', en: 'you could not get hold of the courier' },
        fix: {
          zh: '快递那边由我来联系，有消息我第一时间告诉您。',
          en: 'I will chase the courier myself and tell you as soon as I hear anything.',
        },
      },
      {
        id: 'courier_rude',
        match: /态度|素质|凶|骂|恶劣|不负责/,
        problem: { zh: '快递员的服务态度不好', en: 'the courier was rude to you' },
        fix: {
          zh: '我们已经向快递公司投诉了这位快递员的服务态度。',
          en: 'We have complained to the courier company about how the courier treated you.',
        },
      },
      {
        id: 'slow',
        match: /慢|久|等|才|晚|迟|延|拖|超时|天|星期|周|月|龟速|蜗牛|耽误|没动|不动|不更新|没更新/,
        problem: { zh: '物流太慢，让您等了很久', en: 'the delivery took far too long' },
        fix: {
          zh: '我们已经向快递公司反馈，要求他们说明为什么耽搁了这么久。',
          en: 'We have asked the courier company to explain why it was held up for so long.',
        },
      },
    ],
  },

  // problem: what happened to the goods, read after "{itemTitle}" / "商品" and "your {itemTitle}" / "your item".
  logistics_damage: {
    neutral: {
      problem: { zh: '在运输途中受损了', en: 'was damaged on the way' },
      fix: { zh: '破损的商品运费到付寄回就行，运费由我们承担。', en: 'Send the damaged item back freight collect; the postage is on us.' },
    },
    kinds: [
      {
        id: 'cap_opened',
        match: /盖.{0,4}(开|打开)/,
        problem: { zh: '瓶盖在路上松开，东西洒了出来', en: 'came open on the way and spilled' },
        fix: { zh: '洒漏的商品不用寄回。', en: 'There is no need to send the spilled item back.' },
      },
      {
        id: 'leaked',
        match: /漏|洒|溢|流(的|得|出)|露出/,
        problem: { zh: '在路上漏了出来', en: 'leaked on the way' },
        fix: { zh: '漏了的商品不用寄回。', en: 'There is no need to send the leaking item back.' },
      },
      {
        id: 'crushed',
        match: /压|挤|扁|瘪|变形|凹/,
        problem: { zh: '在路上被压坏了', en: 'was crushed on the way' },
      },
      {
        id: 'dropped',
        match: /摔|砸|磕|碰|撞|震/,
        problem: { zh: '在路上被摔坏了', en: 'was knocked about and broken on the way' },
      },
      {
        id: 'box_damaged',
        match: /包装|箱|盒|拆开/,
        problem: { zh: '外包装在路上破损了', en: 'arrived with its packaging damaged' },
        fix: {
          zh: '您先看看里面的商品有没有损坏，有的话运费到付寄回，运费由我们承担。',
          en: 'Please check whether the item inside is damaged; if it is, send it back freight collect, and the postage is on us.',
        },
      },
      {
        id: 'broken',
        match: /碎|破|裂|断|坏|损|烂/,
        problem: { zh: '送到时已经破损了', en: 'arrived broken' },
      },
    ],
  },

  // problem: a clause in plain fact voice, read after "看到您说" / "这次" and "I saw that" / "Hello, …; that was our mistake".
  fulfillment_error: {
    neutral: {
      problem: { zh: '发货出了差错', en: 'we got something wrong with your order' },
      fix: {
        zh: '发错或漏发的，我们重新给您寄出；需要寄回的，选运费到付，来回运费都由我们承担。',
        en: 'Anything sent wrongly or left out goes out to you again; anything to return goes freight collect, and we pay the postage both ways.',
      },
    },
    kinds: [
      {
        // "The gift was not worth having" (赠品还不如不送) is no missing gift.
        id: 'gift_disappointing',
        match: /(赠|送的).{0,8}(不如|跟没|差|一般|质量|没用|不好)/,
        problem: { zh: '赠品让您不满意', en: 'the free gift was a disappointment' },
        fix: {
          zh: '赠品的情况我已经记下，反馈给负责活动的同事了。',
          en: 'I have noted what was wrong with the gift and passed it on to the colleagues who run our promotions.',
        },
      },
      {
        id: 'wrong_colour',
        match: /颜色|色差|[黑白红蓝灰粉绿黄紫棕咖米]色/,
        problem: { zh: '颜色发错了', en: 'we sent the wrong colour' },
        fix: {
          zh: '您要的颜色我们重新给您寄出；发错的那件选运费到付寄回，来回运费都由我们承担。',
          en: 'We will send the colour you ordered; return the wrong one freight collect, and we pay the postage both ways.',
        },
      },
      {
        id: 'wrong_size',
        match: /尺码|码数|码|尺寸|(?<!型)号|大小|xs|xl|\bl\b|\bm\b|\bs\b/,
        problem: { zh: '尺码发错了', en: 'we sent the wrong size' },
        fix: {
          zh: '您要的尺码我们重新给您寄出；发错的那件选运费到付寄回，来回运费都由我们承担。',
          en: 'We will send the size you ordered; return the wrong one freight collect, and we pay the postage both ways.',
        },
      },
      {
        // A gift named in a complaint is nearly always one that did not come (说好的满赠，结果没有).
        id: 'gift_missing',
        match: /赠|礼品|礼物|(说好|不是说|显示|说是|承诺|宣传|买|满).{0,8}送|送.{0,8}(传说|骗|忽悠|没|呢)|送的/,
        problem: { zh: '赠品漏发了', en: 'the free gift that came with your order was left out' },
        fix: {
          zh: '漏发的赠品我们马上给您补寄过去，运费由我们承担。',
          en: 'We will send the missing gift straight away, with the postage on us.',
        },
      },
      {
        id: 'part_missing',
        match: /没|无|缺|少|不(送|配|给)|连/,
        names: [
          [/耳机线|耳机|耳塞/, { zh: '耳机', en: 'earphones' }],
          [/充电器|充电头/, { zh: '充电器', en: 'charger' }],
          [/数据线|电源线/, { zh: '数据线', en: 'cable' }],
          [/贴膜|保护膜|膜/, { zh: '贴膜', en: 'screen protector' }],
          [/保护套|手机壳|皮套|壳/, { zh: '保护套', en: 'case' }],
          [/说明书/, { zh: '说明书', en: 'instructions' }],
          [/保修卡|保修单|合格证/, { zh: '保修卡', en: 'warranty card' }],
          [/遥控器/, { zh: '遥控器', en: 'remote control' }],
          [/软管/, { zh: '软管', en: 'hose' }],
          [/衣架/, { zh: '衣架', en: 'hanger' }],
          [/吊牌/, { zh: '吊牌', en: 'tag' }],
          [/配件|零件|附件/, { zh: '配件', en: 'accessories' }],
        ],
        problem: { zh: '少发了%s', en: 'your parcel came without the %s' },
        fix: {
          zh: '缺的%s我们马上给您补寄过去，运费由我们承担。',
          en: 'We will send the %s straight away, with the postage on us.',
        },
      },
      {
        id: 'short_quantity',
        match: /少|缺(?!货)|只有|只给|只发|只剩|才有|才给|不足|不够|斤|数量|个数/,
        problem: { zh: '数量少发了', en: 'fewer items arrived than you ordered' },
        fix: {
          zh: '少发的部分我们马上给您补寄过去，运费由我们承担。',
          en: 'We will send what was missing straight away, with the postage on us.',
        },
      },
      {
        id: 'wrong_item',
        match: /错|不是|不一样|不对|却是|竟然是|居然是|成|发的是|明明|发来|送个|寄来/,
        problem: { zh: '商品发错了', en: 'we sent you the wrong item' },
        fix: {
          zh: '您要的商品我们重新给您寄出；发错的那件选运费到付寄回，来回运费都由我们承担。',
          en: 'We will send the item you ordered; return the wrong one freight collect, and we pay the postage both ways.',
        },
      },
      {
        id: 'late_dispatch',
        match: /发货|才发|没发|不发|缺货|没货|断货|出货|晚了|发的货/,
        problem: { zh: '发货拖了很久', en: 'your order went out late' },
        fix: {
          zh: '晚发的原因我们已经查清，备货和发货安排也调整了，以后下单会按时发出。',
          en: 'We have found out why it went out late and changed our stock and dispatch planning, so orders leave on time.',
        },
      },
    ],
  },

  // problem: what is wrong with the goods, read after "{itemTitle}" / "商品" and "your {itemTitle}" / "the item".
  quality: {
    neutral: {
      problem: { zh: '有质量问题', en: 'has a quality problem' },
      fix: {
        zh: '为了尽快给您处理，麻烦您方便时拍一张问题部位的照片发给我，能看清细节就好。',
        en: 'So we can sort it out quickly, could you send me a photo of the problem when convenient, clear enough to see the detail?',
      },
    },
    kinds: [
      {
        id: 'made_unwell',
        match: /拉肚子|肚子疼|腹泻|呕吐|吃坏|喝坏|吃出问题|喝出问题/,
        problem: { zh: '吃了以后让您身体不舒服', en: 'made you unwell' },
        fix: {
          zh: '您现在身体好些了吗？剩下的先别再吃了，方便的话拍张包装和生产日期的照片给我，我们马上查这一批。',
          en: 'Are you feeling better now? Please do not eat any more of it; if you can, send me a photo of the packaging and the production date so we can check the batch at once.',
        },
      },
      {
        id: 'smell',
        match: /味|臭|刺鼻|难闻|馊/,
        problem: { zh: '有异味', en: 'has an unpleasant smell' },
      },
      {
        id: 'not_fresh',
        match: /腐|霉|变质|过期|不新鲜|虫|发黑|蔫|临期|长毛|日期|发软|变软|干瘪|空心|出水|化了|冻伤|发酸|变酸|胀/,
        problem: { zh: '不新鲜，有变质的', en: 'was not fresh, and some had gone off' },
        fix: {
          zh: '为了尽快给您处理，麻烦您方便时拍一张照片发给我，变质的部分不用寄回。',
          en: 'So we can sort it out quickly, could you send me a photo when convenient? There is no need to send the spoiled part back.',
        },
      },
      {
        id: 'bruised',
        match: /碰伤|磕伤|伤疤|疤|虫眼/,
        problem: { zh: '有磕碰和伤疤', en: 'came bruised and blemished' },
      },
      {
        id: 'not_genuine',
        match: /假|正品|水货|仿|山寨|冒牌|真货|原装|原厂|防伪|条码|序列号|串号|a货|行货/,
        problem: { zh: '不像正品', en: 'does not seem genuine' },
        fix: {
          zh: '我们的货都是正规渠道进的，可以提供进货凭证。您方便时拍一下让您起疑的地方，我们一起核实。',
          en: 'Our stock comes through official channels and we can show the purchase records. When convenient, send me a photo of what made you doubt it, and we will check it together.',
        },
      },
      {
        id: 'looks_used',
        match: /二手|翻新|旧|用过|返修|返厂|拆过|被拆|拆封|开过封|样机|展示/,
        problem: { zh: '像是用过的旧货', en: 'looks used' },
      },
      {
        id: 'skin_reaction',
        match: /痒|过敏|痘|红肿|刺痛|灼痛|发炎|头屑|头皮屑|掉发|脱发|掉头发|疹|烂脸|刺激|伤皮肤/,
        problem: { zh: '用了以后皮肤或头皮不舒服', en: 'irritated your skin or scalp' },
        fix: {
          zh: '请您先停用，不舒服的话及时就医。方便时拍张包装和批号的照片给我，我们马上查这一批。',
          en: 'Please stop using it, and see a doctor if the discomfort goes on. When you can, send me a photo of the packaging and batch number so we can check the batch at once.',
        },
      },
      {
        id: 'fading',
        match: /掉色|褪色|掉颜色|染色|串色|颜色.{0,3}(掉|褪|变)/,
        problem: { zh: '掉色', en: 'loses its colour' },
      },
      {
        id: 'visible_defect',
        match: /./,
        names: [
          [/线头/, { zh: '线头', en: 'loose threads' }],
          [/开线|脱线/, { zh: '开线', en: 'split seams' }],
          [/开胶|脱胶/, { zh: '开胶', en: 'glue coming apart' }],
          [/起球/, { zh: '起球', en: 'pilling' }],
          [/起毛|掉毛|跑绒|钻绒/, { zh: '掉毛', en: 'shedding' }],
          [/破洞|有洞|洞/, { zh: '破洞', en: 'a hole' }],
          [/勾丝|抽丝/, { zh: '抽丝', en: 'snags' }],
          [/污渍|污点|斑点|黄斑|油渍|霉点|脏|有灰|油污/, { zh: '脏污', en: 'stains or dirt' }],
          [/划痕|刮花|划伤|有划/, { zh: '划痕', en: 'scratches' }],
          [/裂|缝隙大|有缝/, { zh: '开裂', en: 'cracks' }],
          [/生锈|锈/, { zh: '生锈', en: 'rust' }],
          [/掉漆/, { zh: '掉漆', en: 'chipped paint' }],
          [/缩水/, { zh: '缩水', en: 'shrinkage' }],
        ],
        problem: { zh: '有%s的问题', en: 'has %s' },
      },
      {
        id: 'noise',
        match: /噪音|噪声|杂音|异响|嗡嗡|吵|电流声|回音|声音.{0,3}(大|响)/,
        problem: { zh: '有杂音', en: 'makes unwanted noise' },
      },
      {
        id: 'overheats',
        match: /发热|发烫|烫手|很烫|过热|散热/,
        problem: { zh: '发热严重', en: 'gets too hot' },
      },
      {
        id: 'broke_soon',
        match: /(用|穿|洗|戴)了?.{0,6}(就|便)|没多久|(才|刚|不到).{0,5}(就|便)/,
        problem: { zh: '没用多久就出了问题', en: 'developed a fault soon after you started using it' },
      },
      {
        id: 'faulty',
        match: /故障|不能用|用不了|没反应|无反应|死机|开不了机|开不开机|不开机|无法|不亮|失灵|不灵|黑屏|花屏|白屏|蓝屏|重启|卡|闪退|不工作|不转|不加热|不热|掉线|断网|信号|充不|不能|接触不良|漏水|漏电|打不开/,
        problem: { zh: '出了故障，没法正常使用', en: 'is not working properly' },
      },
      {
        id: 'battery',
        match: /电池|续航|耗电|费电|掉电|待机/,
        problem: { zh: '电池不耐用', en: 'has poor battery life' },
      },
      {
        // 坏的 is mostly fruit, 坏了 mostly a device: this wording fits both. A bare 坏 (撬坏) says too little.
        id: 'arrived_bad',
        match: /坏(的|了|果)|已坏|就坏/,
        problem: { zh: '收到时就有坏的', en: 'was bad or broken when it arrived' },
      },
      {
        id: 'poor_material',
        match: /面料|布料|料子|材质|用料|太薄|很薄|透/,
        problem: { zh: '用料不好', en: 'is made of poor material' },
      },
      {
        id: 'poor_workmanship',
        match: /做工|粗糙|粗制滥造|偷工减料|瑕疵|次品|劣质/,
        problem: { zh: '做工不好', en: 'is poorly made' },
      },
    ],
  },

  // problem: how the goods differ, read after "收到的{itemTitle}" / "收到的商品" and "the {itemTitle} you received".
  not_as_described: {
    neutral: {
      problem: { zh: '和描述不太一样', en: 'is not quite as described' },
      fix: {
        zh: '方便的话拍张照片给我看看，再跟我说说具体是哪里和描述不一样？核实之后，换货或退货都可以，运费我们承担。',
        en: "Could you send me a photo and tell me what differs from the listing? Once I've checked, we can exchange it or take it back, with the postage on us.",
      },
    },
    kinds: [
      {
        id: 'colour',
        match: /色差|颜色|偏色/,
        problem: { zh: '颜色和图片有差别', en: 'looks a different colour from the photos' },
        lead: ['not_as_described.explanation.colour'],
        fix: {
          zh: '颜色上的差别多半是拍摄灯光和屏幕显示造成的。方便的话在自然光下拍张照片给我看看；您不满意的话，换货或退货都可以，运费我们承担。',
          en: "Colour differences usually come from studio lighting and screens. Could you send me a daylight photo? If you're not happy, we can exchange it or take it back.",
        },
      },
      {
        id: 'photos',
        match: /图|照片|卖家秀|模特|广告|样品/,
        problem: { zh: '和图片上的不一样', en: 'does not look like the photos' },
        fix: {
          zh: '方便的话拍张照片给我看看，我对照页面核实一下；您不满意的话，换货或退货都可以，运费我们承担。',
          en: "Could you send me a photo so I can compare it with the listing? If you're not happy, we can exchange it or take it back, and we pay the postage.",
        },
      },
      {
        id: 'clothing_size',
        match: /码|号|尺寸|裤|袖|腰|肩|胸|衣长|紧|肥|瘦|穿不|不合身|偏大|偏小|(买|穿)(的)?(大|小)了|xl|\bl\b|\bm\b|\bs\b/,
        problem: { zh: '尺码不合适', en: 'does not fit the way the size chart suggested' },
        lead: ['not_as_described.explanation.size'],
        fix: {
          zh: '可以直接换其他尺码，换货的运费我们来承担。您平时穿的尺码和身高体重方便告诉我吗？我帮您对照尺码表挑一个更合适的。',
          en: "You can exchange it for another size, with the postage on us. Tell me your usual size, height and weight, and I'll pick a better fit from the size chart.",
        },
      },
      {
        id: 'size',
        match: /大|小|个头|果|长|短|薄|袖珍|迷你|缩水/,
        problem: { zh: '大小和描述的不一样', en: 'is not the size the listing showed' },
        fix: {
          zh: '方便的话拍张照片给我看看，我对照页面上的规格核实一下；您不满意的话，换货或退货都可以，运费我们承担。',
          en: "Could you send me a photo so I can check it against the listed size? If you're not happy, we can exchange it or take it back, and we pay the postage.",
        },
      },
      {
        id: 'claims',
        match: /说是|写|标|号称|宣传|忽悠|描述|参数|配置|内存|容量|纯棉|真丝|虚标|夸大|不符|骗/,
        problem: { zh: '和页面上写的不一样', en: 'is not what the product page said' },
        fix: {
          zh: '您指的是页面上哪一处说明？我对照实物核实一下，确实不符的话，退货或换货都按您的意思来，运费我们承担。',
          en: "Which part of the product page do you mean? I'll check it against the item; if it doesn't match, we'll take it back or exchange it, postage on us.",
        },
      },
    ],
  },
} satisfies Partial<Record<string, ProblemSet>>;
