/**
 * Platform rules that decide deadlines. Rules change: every constant lives here with its source,
 * so a rule change is one line.
 */
export const RULES = {
  /** Public explanation (评价解释) allowed within 30 days of the review (Taobao open platform API rules). */
  explainWindowDays: 30,
  /** Older rule: the buyer may delete a 中差评 or change it to 好评 once within 30 days. */
  reviseWindowDays: 30,
  /** Complaint about a malicious review: one guide says 30 days from the review; not confirmed in rule text. */
  complaintWindowDays: 30,
  /** Follow-up reviews (追评) are possible up to 180 days after the trade. */
  followUpWindowDays: 180,
} as const;
