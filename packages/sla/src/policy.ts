/**
 * The fields of an `sla_policies` row that selection and timing read. A Drizzle row fits as is,
 * and `selectPolicy` hands back the caller's own object type.
 */
export interface SlaPolicy {
  position: number;
  enabled: boolean;
  /** Null matches any channel. */
  channel: string | null;
  /** Null matches any priority. */
  priority: string | null;
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

/** What a conversation offers to policy matching. */
export interface PolicySubject {
  channel: string;
  priority: string;
}

/**
 * The first enabled policy, by `position`, whose channel and priority are null or equal to the
 * conversation's; null when none applies. Ties in `position` keep the caller's order, so a
 * stable listing (position, then id) gives a stable answer.
 */
export function selectPolicy<P extends SlaPolicy>(policies: readonly P[], subject: PolicySubject): P | null {
  const ordered = policies
    .map((policy, index) => ({ policy, index }))
    .sort((a, b) => a.policy.position - b.policy.position || a.index - b.index);
  for (const { policy } of ordered) {
    if (!policy.enabled) continue;
    if (policy.channel !== null && policy.channel !== subject.channel) continue;
    if (policy.priority !== null && policy.priority !== subject.priority) continue;
    return policy;
  }
  return null;
}
