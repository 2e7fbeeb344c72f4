// Real buyer texts (ChineseNlpCorpus online_shopping_10_cats, see /work/shared/data/README.md), copied into
// data/ so the simulator has no dependency outside the repo. Each line: {category, sentiment, text}.
import { readFileSync } from 'node:fs';

const SAMPLE_PATH = new URL('./data/reviews-sample.jsonl', import.meta.url);

/** @typedef {{ line: number, category: string, sentiment: 'positive'|'negative', text: string }} SampleReview */

/** @returns {SampleReview[]} in file order */
export function loadSample() {
  return readFileSync(SAMPLE_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, line) => ({ line, ...JSON.parse(l) }));
}

/** How many leading lines of the file the Tmall pages use, in file order (their labels are the ground truth). */
export const TMALL_LINES = 32;

/**
 * Hands out sample texts of one label in file order. Tmall takes the first TMALL_LINES lines verbatim;
 * the other consoles draw from the rest, so a text never shows up on two platforms.
 */
export class TextPools {
  /** @param {SampleReview[]} sample */
  constructor(sample) {
    const rest = sample.slice(TMALL_LINES);
    this.pools = {
      positive: rest.filter((r) => r.sentiment === 'positive'),
      negative: rest.filter((r) => r.sentiment === 'negative'),
    };
    this.cursor = { positive: 0, negative: 0 };
  }

  /** @param {'positive'|'negative'} label @returns {SampleReview} */
  next(label) {
    const pool = this.pools[label];
    // Wraps around rather than failing if a larger data set is ever configured.
    const review = pool[this.cursor[label] % pool.length];
    this.cursor[label] += 1;
    return review;
  }
}

/**
 * A small catalogue, one listing per sample category, so a review's text matches the item it is about.
 * Titles and prices are invented for the fixtures.
 */
export const CATALOGUE = {
  衣服: { itemId: 652214738801, title: '春秋款宽松百搭休闲长裤 男女同款', price: '89.00', sku: '颜色分类：卡其色;尺码：L' },
  水果: { itemId: 683390127415, title: '海南红心火龙果 新鲜现摘 5斤装 中大果', price: '39.90', sku: '规格：5斤装中果' },
  洗发水: { itemId: 701845526093, title: '去屑止痒控油洗发水 750ml 家庭装', price: '59.00', sku: '净含量：750ml' },
  平板: { itemId: 719963002841, title: '10.1英寸全面屏平板电脑 8+128G 网课学习机', price: '899.00', sku: '颜色：深空灰;版本：8+128G WiFi' },
  手机: { itemId: 725510689372, title: '全网通4G老人智能手机 大屏大字大声', price: '329.00', sku: '颜色：曜石黑;内存：4+64G' },
  计算机: { itemId: 738402275160, title: '14英寸轻薄办公笔记本电脑 16G+512G', price: '2699.00', sku: '配置：i5/16G/512G' },
  蒙牛: { itemId: 744128830597, title: '纯牛奶 250ml×24盒 整箱 早餐奶', price: '52.80', sku: '规格：250ml×24盒' },
  热水器: { itemId: 752102501302, title: '60升储水式电热水器 家用速热 一级能效', price: '1099.00', sku: '容量：60L;安装：含基础安装' },
};

/** @param {string} category */
export function itemFor(category) {
  return CATALOGUE[category] ?? CATALOGUE.衣服;
}
