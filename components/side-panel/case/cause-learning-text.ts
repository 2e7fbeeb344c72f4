/**
 * The words of the cause chips and the shop-model line, Chinese first. Kept beside the components that use them
 * (lib/i18n is shared by every view; these can move there as they are, one key for one line).
 */
import type { Language } from '@/lib/i18n';

const ZH = {
  chipsLabel: '主要原因（点一下即确认或更正）',
  chipTitle: '设为主要原因',
  chipTitleCurrent: '确认这是主要原因',
  more: '其他原因',
  less: '收起',
  togglesLabel: '全部原因（点一下加上或去掉）：',
  offer: '按本店学到的，主要原因更可能是「{cause}」。',
  adopt: '采用',
  recorded: '已记下：{what}。',
  correction: '修正',
  confirmation: '确认',
  shipped: '原因识别：内置模型。',
  shop: '原因识别：本店模型（学习了 {labels} 个案例，其中修正 {corrections} 个；{when} 更新，用时 {seconds} 秒）。',
  pending: '新记下 {pending} 条，满 {every} 条自动学习。',
  noneYet: '客服每次点选原因都会记下，累计 {every} 条后按本店的选择重新学习。',
  training: '正在按本店的选择学习，不影响使用……',
  offers: '有 {count} 个未结案例按本店模型主要原因会不同，打开案例即可一键采用。',
  learnNow: '立即学习',
  reset: '恢复内置模型',
  resetConfirm: '恢复为内置模型？已记下的选择会保留，但之后只从新的选择学习。',
  resetYes: '确定恢复',
  cancel: '取消',
  resetDone: '已恢复内置模型（{when}）。',
};

const EN: typeof ZH = {
  chipsLabel: 'Main cause (one click confirms or corrects)',
  chipTitle: 'Make this the main cause',
  chipTitleCurrent: 'Confirm this is the main cause',
  more: 'Other causes',
  less: 'Fewer',
  togglesLabel: 'All causes (click to add or remove):',
  offer: 'From what this shop has taught it, the main cause is more likely “{cause}”.',
  adopt: 'Adopt',
  recorded: 'Recorded: {what}.',
  correction: 'a correction',
  confirmation: 'a confirmation',
  shipped: 'Cause reading: the built-in model.',
  shop: 'Cause reading: this shop’s model (learnt from {labels} cases, {corrections} of them corrections; updated {when}, took {seconds} s).',
  pending: '{pending} new since, it learns again at {every}.',
  noneYet: 'Every click on a cause is recorded; after {every} the model learns from this shop’s choices.',
  training: 'Learning from this shop’s choices; keep working…',
  offers: '{count} open cases would get another main cause from this shop’s model: open one to adopt it in one click.',
  learnNow: 'Learn now',
  reset: 'Back to the built-in model',
  resetConfirm: 'Go back to the built-in model? The recorded choices are kept, but only new ones are learnt from.',
  resetYes: 'Go back',
  cancel: 'Cancel',
  resetDone: 'Back to the built-in model ({when}).',
};

export type CauseTextKey = keyof typeof ZH;

export function ct(lang: Language, key: CauseTextKey, params: Record<string, string | number> = {}): string {
  const template = (lang === 'en' ? EN : ZH)[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
