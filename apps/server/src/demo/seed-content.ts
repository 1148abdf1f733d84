import type { Channel, CreateTemplateRequest, UpdatePlaybookRequest } from "@parley/contracts";
import { eq } from "drizzle-orm";
import { savePlaybook } from "../modules/playbook/playbook.repo";
import type { Queryable } from "../platform/db";
import { knowledgeArticles, playbooks, templates } from "../platform/db/schema";
import { newId } from "../platform/ids";
import { seedDemoSurveys } from "./seed-surveys";

type SeedTemplate = Required<Pick<CreateTemplateRequest, "name" | "shortcut" | "body" | "category">> & {
  channels?: Channel[];
  kind?: "reply" | "holding" | "acknowledgement";
};

/** Saved replies Acme's agents reach for every day, with the variables the composer fills in. */
const TEMPLATES: SeedTemplate[] = [
  {
    name: "Outage: holding reply",
    shortcut: "outage",
    category: "network",
    body:
      "Hi {{customer.first_name}}, thanks for flagging this. We're aware of a network issue affecting some " +
      "customers in your area and our engineers are working on it right now. Live updates are at " +
      "https://status.acme-telecom.example. Sorry for the disruption. {{agent.first_name}}",
  },
  {
    name: "Billing dispute: move to DM",
    shortcut: "billing",
    category: "billing",
    body:
      "Hi {{customer.first_name}}, I'm sorry your bill isn't what you expected. I'd like to look at the " +
      "charges with you. Could you send us a DM with your account number and the amount in question? " +
      "Please don't share it publicly. {{agent.first_name}} at {{brand.name}}",
  },
  {
    name: "Roaming charges",
    shortcut: "roaming",
    category: "billing",
    body:
      "Hi {{customer.first_name}}, roaming in the EU, UK and Canada is included in every Unlimited plan; " +
      "elsewhere it's $10 a day, capped at $50 a trip. You can add a Travel Pass in the app before you go: " +
      "https://help.acme-telecom.example/roaming",
  },
  {
    name: "Broadband troubleshooting",
    shortcut: "broadband",
    category: "broadband",
    body:
      "Sorry your connection is playing up, {{customer.first_name}}. Could you try: 1) unplug the router for " +
      "30 seconds, 2) plug it back in and wait for the white light, 3) run a speed test at " +
      "https://speed.acme-telecom.example. If it's still slow, DM us the result and your postcode.",
  },
  {
    name: "Move to DM",
    shortcut: "dm",
    category: "general",
    body:
      "Hi {{customer.first_name}}, we'd love to help with this. So we can look at your account safely, " +
      "please send us a direct message with your full name and postcode. {{agent.first_name}}",
  },
  {
    name: "Thanks",
    shortcut: "thanks",
    category: "general",
    body: "Thanks so much for the kind words, {{customer.first_name}}! I'll pass them on to the team. {{agent.first_name}}",
  },
  {
    name: "Escalated to the network team",
    shortcut: "escalate-network",
    category: "network",
    body:
      "Thanks for your patience, {{customer.first_name}}. I've passed this to our network team with everything " +
      "you've told us (reference {{conversation.id}}). They'll update you here within 24 hours.",
  },
  {
    name: "Phone upgrade eligibility",
    shortcut: "upgrade",
    category: "sales",
    body:
      "Hi {{customer.first_name}}, you can check when you're due an upgrade in the Acme app under " +
      "Account › Upgrades, or at https://help.acme-telecom.example/upgrades. Happy to help you compare phones!",
  },
  {
    name: "Resolved: check-in",
    shortcut: "resolved",
    category: "general",
    channels: ["x", "facebook", "instagram"],
    body:
      "Glad that's sorted, {{customer.first_name}}! If anything else comes up, just reply here. " +
      "Have a great day. {{agent.first_name}} at {{brand.name}}",
  },
  {
    name: "Crisis holding message",
    shortcut: null,
    category: "network",
    kind: "holding",
    body:
      "We know many of you are affected by a service outage right now. Our engineers are on it and we'll " +
      "post updates every 30 minutes at https://status.acme-telecom.example. Thank you for bearing with us.",
  },
];

const HELP = "https://help.acme-telecom.example";

/** Help-centre pages agents link to from the composer. */
const ARTICLES = [
  {
    title: "Checking for outages in your area",
    url: `${HELP}/network/outages`,
    summary:
      "How to use the live status map, sign up for outage texts and report a problem that isn't listed.",
    tags: ["network", "outage"],
  },
  {
    title: "Understanding your bill",
    url: `${HELP}/billing/understanding-your-bill`,
    summary:
      "A line-by-line guide to the monthly bill, part-month charges after a plan change and one-off fees.",
    tags: ["billing"],
  },
  {
    title: "Roaming abroad and Travel Pass",
    url: `${HELP}/roaming`,
    summary: "Where roaming is included, daily Travel Pass prices and how to turn data roaming on and off.",
    tags: ["roaming", "billing", "travel"],
  },
  {
    title: "Fixing slow or dropping broadband",
    url: `${HELP}/broadband/troubleshooting`,
    summary: "Router restarts, Wi-Fi channel tips, wired speed tests and when to book an engineer visit.",
    tags: ["broadband", "wifi"],
  },
  {
    title: "Setting up eSIM",
    url: `${HELP}/mobile/esim`,
    summary:
      "Activating an eSIM on iPhone and Android, moving it to a new phone, and what to do if the QR code fails.",
    tags: ["mobile", "esim"],
  },
  {
    title: "Disputing a charge",
    url: `${HELP}/billing/disputes`,
    summary:
      "How disputes are investigated, what we need from the customer and how refunds reach the account.",
    tags: ["billing", "refund"],
  },
];

/** Acme's playbook (SPEC A4): what every agent should sound like and who to call. */
export const DEMO_PLAYBOOK: UpdatePlaybookRequest = {
  tone_of_voice:
    "Warm, plain-spoken and quick. Write like a helpful neighbour who happens to work at Acme: first names, " +
    'short sentences, no jargon. Own the problem ("I\'ll look into this"), never blame the customer, and sign ' +
    "off with your first name.",
  dos: [
    "Answer public posts within the SLA, even if only to say you're looking into it.",
    "Move anything involving account details, addresses or payments to a private message.",
    "Link to the status page during outages instead of guessing a fix time.",
    "Use the customer's first name and sign with yours.",
    "Tag every conversation with its topic before resolving it.",
  ],
  donts: [
    "Don't ask for passwords, PINs or full card numbers — ever.",
    "Don't promise compensation or credits; route those to Billing.",
    "Don't argue in public or reply to a troll more than once.",
    "Don't speculate about the cause of an outage before the network team confirms it.",
  ],
  examples: [
    {
      title: "Angry outage post",
      situation: "A customer posts publicly: 'No signal for 3 hours AGAIN. Useless.'",
      response:
        "I'm really sorry, Sam — three hours without signal is frustrating. There's a mast fault in your area " +
        "and engineers are on site; updates are at status.acme-telecom.example. I'll check back with you here. Alex",
    },
    {
      title: "Unexpected bill",
      situation: "A customer says their bill doubled this month.",
      response:
        "That's a big jump, Priya, and I'd like to find out why. Could you DM us your account number? " +
        "Please don't post it here. Alex",
    },
  ],
  escalation_contacts: [
    {
      name: "Network Operations Centre",
      role: "24/7 incident desk",
      team: "Network",
      email: "noc@acme-telecom.example",
      phone: "+1 555 0100",
      when: "Several customers report the same outage, or a post mentions a safety risk (downed cable, fire).",
    },
    {
      name: "Jordan Blake",
      role: "Billing escalations lead",
      team: "Billing",
      email: "billing-escalations@acme-telecom.example",
      phone: null,
      when: "A refund or credit over $100, or a dispute older than 30 days.",
    },
    {
      name: "Press office",
      role: "Communications",
      team: null,
      email: "press@acme-telecom.example",
      phone: "+1 555 0199",
      when: "A journalist, politician or account with over 100k followers is involved.",
    },
  ],
};

/**
 * The demo's content: templates, knowledge articles and the playbook. Idempotent: a workspace
 * that already has templates or a playbook keeps its own.
 */
export async function seedDemoContent(db: Queryable, workspaceId: string, now: Date) {
  const [template] = await db
    .select({ id: templates.id })
    .from(templates)
    .where(eq(templates.workspaceId, workspaceId))
    .limit(1);
  if (!template) {
    await db.insert(templates).values(
      TEMPLATES.map((t) => ({
        id: newId(),
        workspaceId,
        ...t,
        language: "en",
        channels: t.channels ?? [],
        kind: t.kind ?? "reply",
        createdAt: now,
        updatedAt: now,
      })),
    );
    await db
      .insert(knowledgeArticles)
      .values(ARTICLES.map((a) => ({ id: newId(), workspaceId, ...a, createdAt: now, updatedAt: now })));
  }
  const [playbook] = await db
    .select({ id: playbooks.workspaceId })
    .from(playbooks)
    .where(eq(playbooks.workspaceId, workspaceId))
    .limit(1);
  if (!playbook) await savePlaybook(db, workspaceId, DEMO_PLAYBOOK, null, now);
  await seedDemoSurveys(db, workspaceId, now); // surveys (SPEC M6)
}
