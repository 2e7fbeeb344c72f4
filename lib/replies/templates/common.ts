/**
 * Wording shared by many templates: how a call opens and how a conversation may (once, politely, with no
 * condition) mention the review after the problem is solved. Kept in one place so every template says it
 * the same compliant way.
 */
import type * as z from 'zod/mini';
import type { PhoneStep, ReplyTemplate } from '../schema';

/** A template as written in the source files, before parsing. */
export type RawTemplate = z.input<typeof ReplyTemplate>;
type RawStep = z.input<typeof PhoneStep>;

/** Stage direction for the first step of every call. */
export const IDENTIFY_NOTE = {
  zh: '接通后先等对方开口说话，确认是本人再往下说；不要猜对方的性别，不用“先生”“女士”称呼。',
  en: 'Wait for the buyer to speak first and make sure it is them before going on. Do not guess their gender or use Mr or Ms.',
};

export function identifyStep(kind: 'full' | 'short'): RawStep {
  return kind === 'full'
    ? {
        stage: 'identify',
        zh: '您好，打扰您一分钟。我是{shopName}的{agent}，想跟您确认一下，您最近是不是在我们店买过{itemTitle}？',
        en: 'Hello, sorry to take a minute of your time. This is {agent} at {shopName}. May I check: did you recently buy {itemTitle} from our shop?',
        note: IDENTIFY_NOTE,
      }
    : {
        stage: 'identify',
        zh: '您好，我是{shopName}的{agent}。请问您是在我们店买了{itemTitle}的顾客吗？',
        en: 'Hello, this is {agent} at {shopName}. Are you the customer who bought {itemTitle} from us?',
        note: IDENTIFY_NOTE,
      };
}

/**
 * The one acceptable way to mention the review: after the remedy has been given unconditionally, once,
 * leaving the decision to the buyer. Never put a remedy after it.
 */
export const OPTIONAL_REVIEW_ASK = {
  zh: '等事情都处理好了，如果您觉得我们处理得还可以，方便的时候可以按您的真实感受更新一下评价；不方便也完全没关系。',
  en: 'Once everything is sorted, if you feel we have handled it well, you are welcome to update your review to reflect your experience, but there is no obligation at all.',
};

/** The closing step of a full call: one gentle mention of the review, then goodbye. */
export function closingStep(thanks: { zh: string; en: string }): RawStep {
  return {
    stage: 'agree',
    zh: `${thanks.zh}${OPTIONAL_REVIEW_ASK.zh}祝您生活愉快，再见。`,
    en: `${thanks.en} ${OPTIONAL_REVIEW_ASK.en} Have a good day, goodbye.`,
    note: {
      zh: '评价最多提这一次。对方犹豫或不愿意，就不再提，礼貌结束通话，并在回访台记下对方的态度。',
      en: 'Mention the review once at most. If the buyer hesitates or declines, drop it, end the call politely and note their response in ReviewDesk.',
    },
  };
}

/** Agreeing the concrete next step: the remedy, its time, and how the buyer will hear about it. */
export const AGREE_NOTE = {
  zh: '复述一遍约定的内容和时间，在回访台里记下这条承诺，按时兑现；做不到的事不要答应。',
  en: 'Repeat what was agreed and when, record the promise in ReviewDesk and keep it on time; never promise what you cannot do.',
};

export function agreeStep(): RawStep {
  return {
    stage: 'agree',
    zh: '那我们就这样说定：{remedy}，我会在{agreedTime}前办好，办好后在旺旺上给您发消息确认。您看这样可以吗？',
    en: "So, to confirm: {remedy}. I'll have it done by {agreedTime} and message you on Wangwang once it's done. Does that work for you?",
    note: AGREE_NOTE,
  };
}
