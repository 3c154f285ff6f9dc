/**
 * The intents the bot understands, in a fixed order (the classifier's class index).
 */

/** Every intent label; `out_of_scope` is what the bot cannot answer. */
export const INTENT_LABELS = [
  "greeting",
  "thanks",
  "festival_dates",
  "heritage_info",
  "join_class",
  "report_violation",
  "report_status",
  "human_handoff",
  "plan_info",
  "contact_info",
  "subscribe_reminder",
  "manage_reminders",
  "out_of_scope",
] as const;

/** One intent label. */
export type IntentLabel = (typeof INTENT_LABELS)[number];

/** Type guard: is this string one of {@link INTENT_LABELS}? */
export function isIntentLabel(value: string): value is IntentLabel {
  return (INTENT_LABELS as readonly string[]).includes(value);
}
