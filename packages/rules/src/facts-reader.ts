import type { RuleFacts } from "./facts";

/**
 * Every field's value in one pass, in FIELD_NAMES order, so a leaf reads `values[i]` instead of
 * calling a getter: a getter call from shared leaf code is megamorphic and never inlined, and an
 * evaluation runs hundreds of leaves. The order is FIELD_NAMES'; facts-reader.test.ts checks it.
 */
export function readFacts(facts: RuleFacts): unknown[] {
  const m = facts.message;
  const c = facts.conversation;
  const u = facts.customer;
  const t = facts.time;
  const s = facts.sla;
  return [
    m?.channel,
    m?.visibility,
    m?.kind,
    m?.direction,
    m?.text,
    m?.language,
    m?.sentiment,
    m?.sentiment_score,
    m?.intent,
    m?.tier,
    m?.category,
    m?.is_complaint,
    m?.is_spam,
    m?.spam_score,
    m?.is_offensive,
    m?.sensitive,
    m?.listening,
    m?.listening_kinds,
    c?.status,
    c?.priority,
    c?.priority_score,
    c?.team_id,
    c?.assignee_id,
    c?.tags,
    c?.message_count,
    c?.is_new,
    c?.waiting_seconds,
    c?.age_seconds,
    c?.idle_seconds,
    c?.sla_state,
    u?.followers,
    u?.verified,
    u?.influence,
    u?.vip_tier,
    u?.prior_posts,
    u?.is_troll,
    u?.location,
    t?.business_hours_open,
    t?.weekday,
    t?.hour,
    s?.first_response_state,
    s?.first_response_remaining_seconds,
    s?.next_response_state,
    s?.next_response_remaining_seconds,
    s?.resolution_state,
    s?.resolution_remaining_seconds,
  ];
}
