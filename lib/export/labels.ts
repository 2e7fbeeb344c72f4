import type { Language } from '../i18n';

/** Column names and cell words of the exports, Chinese first (the shop's spreadsheets are Chinese), then English. */
const ZH = {
  'col.caseId': '案例编号', 'col.platform': '平台', 'col.reviewId': '评价ID', 'col.orderId': '订单号', 'col.reviewTime': '评价时间',
  'col.storedAt': '发现时间', 'col.sentiment': '评价类型', 'col.review': '评价内容', 'col.followUp': '追评内容', 'col.itemId': '商品ID',
  'col.itemTitle': '商品名称', 'col.mainCause': '主要原因', 'col.causes': '全部原因', 'col.triggers': '触发词', 'col.status': '状态',
  'col.assignee': '跟进客服', 'col.attempts': '联系次数', 'col.calls': '电话次数', 'col.messages': '消息次数', 'col.firstContact': '首次联系时间',
  'col.agreedAt': '约定时间', 'col.promises': '承诺数', 'col.promisedYuan': '承诺金额（元）', 'col.paidYuan': '已兑现金额（元）',
  'col.revisedAt': '改评时间', 'col.buyer': '买家', 'col.phone': '买家电话', 'col.doNotContact': '勿扰',
  'col.time': '时间', 'col.agent': '客服', 'col.channel': '渠道', 'col.outcome': '结果', 'col.note': '备注',
  'col.promisedAt': '承诺时间', 'col.remedy': '补偿方式', 'col.amountYuan': '金额（元）', 'col.dueAt': '期限', 'col.promiseState': '承诺状态',
  'col.keptAt': '兑现时间', 'col.reference': '兑现凭证', 'col.cancelledAt': '取消时间', 'col.cancelReason': '取消原因',
  'platform.qianniu': '千牛', 'platform.taobao-legacy': '淘宝（旧版）', 'platform.tmall': '天猫',
  'channel.phone': '电话', 'channel.chat': '旺旺消息',
  'promise.open': '待兑现', 'promise.kept': '已兑现', 'promise.overdue': '已逾期', 'promise.cancelled': '已取消',
  'sheet.cases': '案例', 'sheet.attempts': '联系记录', 'sheet.promises': '补偿承诺',
  yes: '是',
} as const;

export type ExportKey = keyof typeof ZH;

const EN: Record<ExportKey, string> = {
  'col.caseId': 'Case', 'col.platform': 'Platform', 'col.reviewId': 'Review ID', 'col.orderId': 'Order ID', 'col.reviewTime': 'Review time',
  'col.storedAt': 'Found', 'col.sentiment': 'Rating', 'col.review': 'Review', 'col.followUp': 'Follow-up', 'col.itemId': 'Item ID',
  'col.itemTitle': 'Item', 'col.mainCause': 'Main cause', 'col.causes': 'All causes', 'col.triggers': 'Trigger words', 'col.status': 'Status',
  'col.assignee': 'Agent', 'col.attempts': 'Contacts', 'col.calls': 'Calls', 'col.messages': 'Messages', 'col.firstContact': 'First contact',
  'col.agreedAt': 'Agreed time', 'col.promises': 'Promises', 'col.promisedYuan': 'Promised (yuan)', 'col.paidYuan': 'Paid (yuan)',
  'col.revisedAt': 'Revised', 'col.buyer': 'Buyer', 'col.phone': 'Buyer phone', 'col.doNotContact': 'Do not contact',
  'col.time': 'Time', 'col.agent': 'Agent', 'col.channel': 'Channel', 'col.outcome': 'Outcome', 'col.note': 'Note',
  'col.promisedAt': 'Promised', 'col.remedy': 'Remedy', 'col.amountYuan': 'Amount (yuan)', 'col.dueAt': 'Due', 'col.promiseState': 'State',
  'col.keptAt': 'Kept', 'col.reference': 'Reference', 'col.cancelledAt': 'Cancelled', 'col.cancelReason': 'Cancel reason',
  'platform.qianniu': 'Qianniu', 'platform.taobao-legacy': 'Taobao (legacy)', 'platform.tmall': 'Tmall',
  'channel.phone': 'Phone', 'channel.chat': 'Wangwang message',
  'promise.open': 'Open', 'promise.kept': 'Kept', 'promise.overdue': 'Overdue', 'promise.cancelled': 'Cancelled',
  'sheet.cases': 'Cases', 'sheet.attempts': 'Contacts', 'sheet.promises': 'Promises',
  yes: 'yes',
};

export function exportText(lang: Language, key: ExportKey): string {
  return lang === 'en' ? EN[key] : ZH[key];
}
