/**
 * The contact-timing policy: every rule and constant that decides when and how an agent contacts a
 * buyer about a neutral or negative review, each with its source. The guides we learn from disagree
 * (DOMAIN.md, "When to contact"), so the compromise is written down here and every part is a setting.
 *
 * Also the shape of a case as the recommender sees it (causes, attempts so far, hints).
 */
import * as z from 'zod/mini';
import { CauseCodeSchema, type CauseCode } from '../causes/taxonomy';

const wholeHour = z.int().check(z.gte(0), z.lte(24));
const nonNegative = z.number().check(z.gte(0));

const QuietHoursSchema = z
  .object({
    /** First hour (Beijing time) at which the shop may phone: no calls before 09:00. */
    callsFrom: z._default(wholeHour, 9),
    /** Hour from which calls stop: no calls from 21:00. Calls are allowed in [callsFrom, callsUntil). */
    callsUntil: z._default(wholeHour, 21),
  })
  .check(z.refine((q) => q.callsFrom < q.callsUntil, 'callsFrom must be before callsUntil'));

const LearningSchema = z.object({
  /**
   * Hours the shop believes are good before it has data of its own: 12:00–13:00 and 18:00–20:00
   * (seed 000, 联系客户中差评处理时间点). Each number is the start of a one-hour slot.
   */
  startingGoodHours: z._default(z.array(z.int().check(z.gte(0), z.lte(23))), [12, 18, 19]),
  /**
   * Starting answer-rate guesses for those hours and for the others. Only their ratio matters much;
   * call-answer studies see about a 2× swing over the day (PhoneBurner, >11M calls; DOMAIN.md).
   */
  startingGoodRate: z._default(z.number().check(z.gt(0), z.lt(1)), 0.4),
  startingOtherRate: z._default(z.number().check(z.gt(0), z.lt(1)), 0.25),
  /**
   * How many calls the starting belief is worth: enough that a few lucky or unlucky calls do not
   * reorder the hours, few enough that a couple of dozen calls at an hour outweigh it. Chosen with
   * the benchmark (lib/contact-timing/README.md).
   */
  priorCalls: z._default(z.number().check(z.gt(0)), 10),
  /**
   * How much the weekday of a slot may differ from the same hour on other days: a weekday's own
   * calls count against this many pseudo-calls at the hour's pooled rate.
   */
  weekdayShrinkCalls: z._default(nonNegative, 20),
  /** Memory per hour: beyond this many calls older outcomes fade, so the estimate follows change. */
  memoryCallsPerHour: z._default(z.number().check(z.gt(0)), 200),
  /** Below this many calls in an hour, explanations say the window comes from the starting belief. */
  trustAfterCalls: z._default(z.int().check(z.gte(1)), 10),
  /**
   * Thompson sampling: rank windows by a draw from each hour's estimate instead of the estimate
   * itself, so that little-tried hours get a call now and then and good ones are found.
   */
  explore: z._default(z.boolean(), true),
  /**
   * How widely draws spread around each hour's estimate (1 = plain Thompson sampling). Below 1 the
   * learner explores mainly while the best hours it knows are mediocre, and little once it has found
   * hours clearly better than its starting guess for the others. 0.4 was chosen with the benchmark:
   * plain Thompson sampling (1) spent too many calls on poor hours when the starting belief was right.
   */
  explorationScale: z._default(z.number().check(z.gt(0), z.lte(1)), 0.4),
  /**
   * Buyers tend to write negative reviews at the hour at which they ordered (JD.com, 1.45M negative
   * reviews, arXiv 2004.13463), i.e. they are free then. Starting boost for calls within an hour of
   * the review's hour; the shop's outcomes then confirm or shrink it.
   */
  reviewHourStartingLift: z._default(z.number().check(z.gte(0.5), z.lte(2)), 1.15),
  /** How many expected answers the starting lift is worth. */
  reviewHourPriorAnswers: z._default(z.number().check(z.gt(0)), 10),
});

export const ContactTimingSettingsSchema = z.object({
  /** Quiet hours (DOMAIN.md: keep quiet hours; nuisance calls are regulated in China). */
  quietHours: z.prefault(QuietHoursSchema, {}),
  /**
   * Quiet hours also hold for chat messages the shop starts (a message pings the buyer's phone too).
   * They never hold when the buyer is online in chat right now.
   */
  quietHoursApplyToChat: z._default(z.boolean(), true),
  /**
   * At most this many phone attempts per case: repeated calls count as harassment (DOMAIN.md, "Do not
   * harass"; seed 000 warns against pestering a buyer who does not pick up), and China regulates nuisance calls.
   */
  maxPhoneAttempts: z._default(z.int().check(z.gte(0), z.lte(10)), 3),
  /** Minimum hours between two calls to the same buyer. */
  minHoursBetweenCalls: z._default(nonNegative, 4),
  /** Minimum hours between two chat messages the shop sends (about one a day: seed 000 messages on consecutive days). */
  minHoursBetweenChatMessages: z._default(nonNegative, 20),
  /** Unanswered chat messages after which the shop stops writing. */
  maxUnansweredChatMessages: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
  /**
   * "Not too soon": phone only after chat messages have gone unanswered this many days (seed 000
   * says two to three days, elsewhere three to five).
   */
  phoneAfterUnansweredChatDays: z._default(nonNegative, 2),
  /**
   * "Speed first": small, concrete complaints, where a call right away shows the buyer the shop takes
   * it seriously (seed 001 section 一; seed 000 心得体会). Phone at once is allowed only when every cause of
   * the case is in this list; otherwise chat comes first.
   */
  atOnceCauses: z._default(z.array(CauseCodeSchema), [
    'logistics_delay',
    'logistics_damage',
    'fulfillment_error',
    'service_response',
    'not_as_described',
    'quality',
  ] satisfies CauseCode[]),
  /**
   * Mood-driven reviews: do not contact before the next (Beijing) day (seed 004). Seed 000 warns that
   * calling at once after a service complaint starts a quarrel: add 'service_attitude' here to follow it.
   */
  nextDayCauses: z._default(z.array(CauseCodeSchema), ['subjective'] satisfies CauseCode[]),
  /**
   * Causes for which the shop does not contact the buyer at all: malicious reviews usually cannot be
   * changed; write a calm public explanation and collect evidence for a complaint instead (DOMAIN.md).
   */
  noContactCauses: z._default(z.array(CauseCodeSchema), ['malicious'] satisfies CauseCode[]),
  /** Whether "buyer online now" overrides the next-day wait (seed 004 chats online, but on the next day). */
  buyerOnlineOverridesNextDay: z._default(z.boolean(), false),
  /** Target for the first call when phone at once is allowed: within this many hours of the review. */
  firstCallWithinHours: z._default(z.number().check(z.gt(0)), 24),
  /** How far ahead call windows are proposed. */
  horizonDays: z._default(z.number().check(z.gt(0), z.lte(7)), 3),
  /** How many ranked windows to return. */
  windowsShown: z._default(z.int().check(z.gte(1), z.lte(72)), 5),
  /**
   * Sooner is better (a fresh complaint is easier to settle: seed 001): a slot's score loses this share
   * per hour of waiting, so an equally good slot today beats one tomorrow.
   */
  delayPenaltyPerHour: z._default(z.number().check(z.gte(0), z.lt(0.05)), 0.004),
  learning: z.prefault(LearningSchema, {}),
});

export type ContactTimingSettings = z.output<typeof ContactTimingSettingsSchema>;
export type ContactTimingSettingsInput = z.input<typeof ContactTimingSettingsSchema>;
export type LearningSettings = ContactTimingSettings['learning'];

export const DEFAULT_CONTACT_TIMING_SETTINGS: ContactTimingSettings = ContactTimingSettingsSchema.parse({});

/**
 * Settings as stored (possibly partial, possibly from an older version) → complete settings.
 * Throws a ZodError on invalid input: the caller decides what to show; nothing is reset silently.
 */
export function parseContactTimingSettings(raw: unknown): ContactTimingSettings {
  return ContactTimingSettingsSchema.parse(raw ?? {});
}

// ---------------------------------------------------------------------------------------------
// The case as the recommender sees it

export const PHONE_OUTCOMES = ['answered', 'no_answer', 'rejected', 'wrong_number'] as const;
export const CHAT_OUTCOMES = ['message_sent', 'buyer_replied'] as const;
export type PhoneOutcome = (typeof PHONE_OUTCOMES)[number];
export type ChatOutcome = (typeof CHAT_OUTCOMES)[number];

export const ContactAttemptSchema = z
  .object({
    /** Epoch milliseconds. */
    at: z.number(),
    channel: z.enum(['phone', 'chat']),
    /** rejected = the buyer declined or hung up the call; buyer_replied = a reply in chat (logged by the agent). */
    outcome: z.enum([...PHONE_OUTCOMES, ...CHAT_OUTCOMES]),
  })
  .check(
    z.refine(
      (a) =>
        a.channel === 'phone'
          ? (PHONE_OUTCOMES as readonly string[]).includes(a.outcome)
          : (CHAT_OUTCOMES as readonly string[]).includes(a.outcome),
      'outcome does not fit the channel',
    ),
  );
export type ContactAttempt = z.output<typeof ContactAttemptSchema>;

/** Hints about the buyer's day the agent may set (seed 001: infer the routine from the shipping address). */
export const BUYER_ROUTINES = ['student', 'office_worker', 'factory_shift', 'retired', 'homemaker', 'unknown'] as const;
export type BuyerRoutine = (typeof BUYER_ROUTINES)[number];

export const ContactCaseSchema = z.object({
  /** Causes of the review (lib/causes/taxonomy). An empty list is treated cautiously: chat first. */
  causes: z.array(CauseCodeSchema),
  /** When the buyer wrote the review, epoch milliseconds. */
  reviewTime: z.number(),
  closed: z._default(z.boolean(), false),
  doNotContact: z._default(z.boolean(), false),
  attempts: z._default(z.array(ContactAttemptSchema), []),
  /** Set by the agent when the buyer shows as online in chat (旺旺) right now. */
  buyerOnlineNow: z.optional(z.boolean()),
  phoneKind: z.optional(z.enum(['mobile', 'landline'])),
  routine: z.optional(z.enum(BUYER_ROUTINES)),
});
export type ContactCase = z.output<typeof ContactCaseSchema>;
export type ContactCaseInput = z.input<typeof ContactCaseSchema>;

/** True when calls are allowed at this Beijing hour. */
export function isCallHour(hour: number, settings: ContactTimingSettings): boolean {
  return hour >= settings.quietHours.callsFrom && hour < settings.quietHours.callsUntil;
}
