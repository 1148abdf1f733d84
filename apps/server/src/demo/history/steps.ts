import type { messages } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { heartbeats } from "./activity";
import type { ConvState } from "./ingest";
import type { Planned, Step } from "./plan";
import type { RoundContext, RoundRows, Tally } from "./round";
import { askSurvey } from "./survey-step";

/** One agent step of one conversation, with what the round writes for it. */
export interface StepScope {
  ctx: RoundContext;
  rows: RoundRows;
  plan: Planned;
  conv: ConvState;
  tally: Tally;
}

type StepOf<K extends Step["kind"]> = Extract<Step, { kind: K }>;

const SYSTEM = { type: "system" as const, id: null };

const OUT_KIND: Record<string, string> = {
  post: "reply",
  reply: "reply",
  comment: "comment",
  dm: "dm",
  chat: "chat",
};

export function applyStep(scope: StepScope, step: Step) {
  scope.tally.lastAt = Math.max(scope.tally.lastAt, step.at);
  switch (step.kind) {
    case "assign":
      return assign(scope, step);
    case "look":
    case "reply":
      return work(scope, step);
    case "status":
      return changeStatus(scope, step);
    case "escalate":
      return escalate(scope, step);
    case "tags":
      return tag(scope, step);
    case "survey":
      return askSurvey(scope, step);
  }
}

function assign({ ctx, rows, conv: s }: StepScope, step: StepOf<"assign">) {
  if (s.assigneeId) return; // the pipeline's routing already handed it to someone
  const c = s.id;
  const to = step.to === "lead" ? ctx.routing.lead : ctx.routing.pickAgent(s.teamId, step.at);
  rows.event(c, "assigned", step.at, SYSTEM, { from: null, to, via: "routing" });
  s.assigneeId = to;
  if (!s.teamId) {
    const team = ctx.routing.teamOfUser.get(to) ?? ctx.routing.careTeam;
    rows.event(c, "team_changed", step.at, SYSTEM, { from: null, to: team });
    s.teamId = team;
  }
  if (s.status === "new") {
    rows.event(c, "status_changed", step.at, SYSTEM, { from: s.status, to: "open" });
    s.status = "open";
  }
  // The agent opens it as it lands (and has not looked past now: an assignment a minute ago
  // has had a minute of viewing).
  const viewedUntil = Math.min(step.at + ctx.rng.between(20, 70) * 1000, ctx.nowMs - 1000);
  for (const b of heartbeats(ctx.rng, step.at + 5000, viewedUntil, false))
    rows.event(c, "agent_activity", b.at, { type: "user", id: to }, { kind: "viewing" });
}

/** An agent reads the conversation (heartbeats) and, for a reply, answers it. */
function work({ ctx, rows, plan: p, conv: s, tally }: StepScope, step: StepOf<"look" | "reply">) {
  const c = s.id;
  const author = s.assigneeId ?? ctx.routing.pickAgent(s.teamId, step.at);
  s.assigneeId = author;
  for (const b of heartbeats(ctx.rng, step.at - step.work, step.at - 2000, false))
    rows.event(c, "agent_activity", b.at, { type: "user", id: author }, { kind: b.kind });
  if (step.kind === "look") return;
  const id = newId();
  const publicReply = s.lastInbound.visibility === "public";
  const sign = publicReply && p.network === "x" ? ` ^${ctx.initials.get(author) ?? ""}` : "";
  const externalId = ctx.nextOut();
  rows.outMessages.push({
    id,
    workspaceId: ctx.workspaceId,
    conversationId: c,
    channel: p.network,
    channelAccountId: s.channelAccountId ?? ctx.channelOf[p.network].id,
    direction: "outbound",
    visibility: s.lastInbound.visibility as "public" | "private",
    kind: (p.network === "facebook" || p.network === "instagram"
      ? "comment"
      : (OUT_KIND[s.lastInbound.kind] ?? "reply")) as (typeof messages.$inferInsert)["kind"],
    externalId,
    externalThreadId: s.lastInbound.threadId,
    replyToExternalId: s.lastInbound.externalId,
    replyToMessageId: s.lastInbound.id,
    authorUserId: author,
    text: `${step.text}${sign}`,
    language: "en",
    classification: {},
    deliveryStatus: "sent",
    sentAt: new Date(step.at),
    receivedAt: new Date(step.at),
    createdAt: new Date(step.at - 1000),
  });
  rows.event(
    c,
    "message_out",
    step.at,
    { type: "user", id: author },
    { external_id: externalId, visibility: s.lastInbound.visibility, via: "parley" },
    id,
  );
  tally.firstResponseAt ??= step.at;
  tally.lastAgentAt = step.at;
  tally.added++;
}

function changeStatus({ ctx, rows, conv: s, tally }: StepScope, step: StepOf<"status">) {
  if (s.status === step.to) return;
  const by = s.assigneeId ?? ctx.routing.pickAgent(s.teamId, step.at);
  rows.event(s.id, "status_changed", step.at, { type: "user", id: by }, { from: s.status, to: step.to });
  s.status = step.to;
  if (step.to === "resolved") tally.resolvedAt = step.at;
}

/** Handed to the lead in PR & Escalations. */
function escalate({ ctx, rows, conv: s }: StepScope, step: StepOf<"escalate">) {
  const c = s.id;
  const { lead, prTeam } = ctx.routing;
  const user = { type: "user" as const, id: s.assigneeId };
  const from = { status: s.status, team_id: s.teamId, assignee_id: s.assigneeId };
  rows.event(c, "status_changed", step.at, user, { from: s.status, to: "escalated" });
  if (prTeam && s.teamId !== prTeam)
    rows.event(c, "team_changed", step.at, user, { from: s.teamId, to: prTeam });
  rows.event(c, "assigned", step.at, user, { from: s.assigneeId, to: lead });
  rows.event(c, "escalated", step.at, user, {
    to: { team_id: prTeam },
    reason: "Customer unhappy after the first answer; needs a lead",
    callback: null,
    email_handoff: null,
    from,
  });
  s.status = "escalated";
  s.teamId = prTeam ?? s.teamId;
  s.assigneeId = lead;
}

function tag({ ctx, rows, conv: s }: StepScope, step: StepOf<"tags">) {
  const to = [...new Set([...s.tags, ...step.tags])];
  const by = s.assigneeId ?? ctx.routing.lead;
  for (const b of heartbeats(ctx.rng, step.at - ctx.rng.between(15, 45) * 1000, step.at - 1000, true))
    rows.event(s.id, "agent_activity", b.at, { type: "user", id: by }, { kind: b.kind });
  rows.event(s.id, "tags_changed", step.at, { type: "user", id: by }, { from: s.tags, to });
  s.tags = to;
}
