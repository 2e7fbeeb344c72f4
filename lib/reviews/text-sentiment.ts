import type { Sentiment } from './sentiment';

/**
 * Reads sentiment from review text, only where the platform gives no rating (Tmall's public JSON has none).
 * Small weighted cue lists; a negator just before a cue flips it (不好 is negative, 不差 is not).
 * Measured on the 240 labelled sample reviews: see README ("Text sentiment").
 */
const NEGATIVE: Array<[string, number]> = [
  ['差评', 3], ['失望', 2], ['后悔', 2], ['垃圾', 3], ['太差', 3], ['很差', 3], ['差劲', 3], ['不好', 2],
  ['不行', 2], ['不满意', 3], ['不值', 2], ['上当', 3], ['坑', 2], ['骗', 2], ['假货', 3], ['退货', 2],
  ['退款', 1], ['换货', 1], ['投诉', 2], ['坏了', 2], ['烂', 2], ['破', 1], ['漏', 1], ['难吃', 3],
  ['难喝', 3], ['难闻', 2], ['异味', 2], ['臭', 2], ['掉色', 2], ['起球', 2], ['色差', 2], ['太慢', 2],
  ['很慢', 2], ['慢死', 2], ['死机', 2], ['卡顿', 2], ['发热', 1], ['问题', 1], ['毛病', 2], ['故障', 2],
  ['不能用', 3], ['没用', 2], ['不灵', 2], ['太贵', 2], ['贵了', 1], ['降价', 1], ['一般', 1], ['凑合', 1],
  ['不如', 1], ['不够', 1], ['麻烦', 1], ['郁闷', 2], ['无语', 2], ['气死', 3], ['恶心', 3], ['不推荐', 3],
  ['不会再', 2], ['再也不', 3], ['别买', 3], ['不要买', 3], ['太小', 1], ['太大', 1], ['不新鲜', 3],
  ['过期', 3], ['发错', 3], ['少了', 2], ['缺', 1], ['差', 1], ['糟', 2], ['劣质', 3], ['太薄', 1],
  ['失败', 2], ['不符', 2], ['不一样', 1], ['坏的', 2], ['易坏', 2], ['洒', 1], ['溢出', 2], ['无奈', 2],
  ['浪费', 2], ['可恨', 3], ['愤怒', 3], ['心寒', 3], ['拉圾', 3], ['不便', 1], ['太酸', 2], ['不敢恭维', 3],
  ['没有送', 2], ['没送', 2], ['粗糙', 2], ['不负责', 2], ['裂', 2], ['不习惯', 1], ['无法', 1], ['太慢了', 2],
];
const POSITIVE: Array<[string, number]> = [
  ['好评', 3], ['满意', 2], ['不错', 2], ['很好', 2], ['挺好', 2], ['非常好', 3], ['喜欢', 2], ['推荐', 2],
  ['好用', 2], ['好吃', 2], ['好喝', 2], ['新鲜', 1], ['漂亮', 2], ['舒服', 2], ['划算', 2], ['值得', 2],
  ['物美价廉', 3], ['超值', 2], ['很快', 1], ['挺快', 1], ['速度快', 1], ['发货快', 1], ['赞', 2], ['棒', 2], ['完美', 3], ['正品', 1], ['实惠', 2],
  ['给力', 2], ['好看', 2], ['合适', 1], ['清晰', 1], ['流畅', 1], ['方便', 1], ['还会再来', 3], ['五星', 3],
  ['好', 1], ['可以', 1], ['满分', 3], ['惊喜', 2], ['放心', 1],
];
const NEGATORS = ['不', '没', '没有', '别', '无', '不太', '不是很', '并不'];

function negated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return NEGATORS.some((n) => before.endsWith(n));
}

function score(text: string, cues: Array<[string, number]>): { total: number; flipped: number } {
  let total = 0;
  let flipped = 0;
  const taken = new Array<boolean>(text.length).fill(false);
  // Longest cues first, and a character counts once, so 很差 is not also counted as 差.
  for (const [cue, weight] of [...cues].sort((a, b) => b[0].length - a[0].length)) {
    let at = text.indexOf(cue);
    while (at !== -1) {
      if (!taken.slice(at, at + cue.length).some(Boolean)) {
        for (let i = at; i < at + cue.length; i++) taken[i] = true;
        if (negated(text, at) && !cue.startsWith('不')) flipped += weight;
        else total += weight;
      }
      at = text.indexOf(cue, at + cue.length);
    }
  }
  return { total, flipped };
}

export function sentimentFromText(text: string): Sentiment {
  if (!text.trim()) return 'unknown';
  const neg = score(text, NEGATIVE);
  const pos = score(text, POSITIVE);
  const negative = neg.total + pos.flipped;
  const positive = pos.total + neg.flipped;
  if (negative === 0 && positive === 0) return 'unknown';
  // Neutral means mixed: it takes cues both ways. One-sided text, however weak, leans its own way.
  if (negative === 0) return 'positive';
  if (positive === 0) return 'negative';
  if (negative >= positive + 1) return 'negative';
  if (positive >= negative + 2) return 'positive';
  return 'neutral';
}
