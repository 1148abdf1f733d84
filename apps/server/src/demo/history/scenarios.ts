/* What customers write and agents answer: the demo brand's recurring cases and the names of its customers. */

export interface Scenario {
  key: string;
  weight: number;
  opening: string[];
  reply: string[];
  question?: string[];
  secondReply?: string[];
  disposition?: { tag: string; share: number };
  escalates?: number;
  spam?: boolean;
  praise?: boolean;
}

export const CITIES = ["Austin", "Denver", "Columbus", "Tampa", "Portland", "Raleigh", "Phoenix", "Boston"];

export const SCENARIOS: Scenario[] = [
  {
    key: "billing",
    weight: 18,
    opening: [
      "I was charged twice for my bill this month, $89.99 taken two times. This is really frustrating, can someone fix it?",
      "Why did my bill go up by $20 without any notice? Nobody told me about a price change.",
      "My autopay failed and now there's a late fee on my account. I've paid on time for 5 years, this is annoying.",
      "Me cobraron dos veces la factura de este mes. ¿Pueden ayudarme por favor?",
    ],
    reply: [
      "Sorry about that! I've checked your account and the duplicate payment is being reversed, it'll be back on your card in 3–5 business days.",
      "Thanks for flagging this. The increase is the end of your 12-month promo; I've applied a loyalty discount so your next bill is back to the old price.",
      "I'm sorry for the trouble. I've waived the late fee and updated your autopay card, you're all set.",
    ],
    question: [
      "Thanks, but I still see both charges on my statement. How long until it's fixed?",
      "Which discount did you apply? I don't see it in the app yet.",
    ],
    secondReply: [
      "Card refunds show as pending first; the second charge will drop off by Friday. I've added a note so you can quote it if needed.",
      "It's on your next bill rather than the current one, you'll see it as 'Loyalty credit -$20.00'.",
    ],
    disposition: { tag: "disposition:refund", share: 0.35 },
    escalates: 0.05,
  },
  {
    key: "outage",
    weight: 16,
    opening: [
      "Internet has been down in {city} since this morning. Is there an outage? I work from home!",
      "No signal at all in {city} for the last two hours, calls keep dropping. What's going on?",
      "Is Acme down? My fiber box is blinking red and nothing works. Terrible timing.",
    ],
    reply: [
      "Sorry for the disruption! There's a known outage in {city}; engineers are on site and we expect service back within 2 hours.",
      "Thanks for letting us know. A mast near you is being repaired; service should be restored by this evening. We'll credit the downtime.",
      "I've run a line test and see a fault on our side. A technician is booked for tomorrow 8–12, you'll get a text confirmation.",
    ],
    question: [
      "It's been more than 2 hours and it's still not working. Any update?",
      "Still no service here. Do I get a credit for this?",
    ],
    secondReply: [
      "The repair took longer than planned, sorry. It's fixed now; please restart your router and let us know if anything is still off.",
      "Yes, I've added a credit for two days of service to your account. It'll show on your next bill.",
    ],
    escalates: 0.12,
  },
  {
    key: "sales",
    weight: 12,
    opening: [
      "Thinking about switching to Acme. What's the best unlimited plan for a family of four?",
      "Do you have any deals on fiber for new customers in {city}?",
      "Can I add a second line to my plan? How much would it cost?",
    ],
    reply: [
      "Great question! Our Family Unlimited plan is $35/line for 4 lines, with 5G and hotspot included. I can set it up for you now if you'd like.",
      "Yes! Fiber 500 is $45/month for new customers in {city} for the first year, with free installation.",
      "Of course, a second line is $25/month on your plan. I've sent you a link to add it in two taps.",
    ],
    question: [
      "Sounds good. Does it include international calls?",
      "Nice. Is installation this week possible?",
    ],
    secondReply: [
      "It includes calls to 30 countries; I've added the plan to your account, welcome to Acme!",
      "Yes, the earliest slot is Thursday morning. You're booked, see you then!",
    ],
    disposition: { tag: "disposition:sale", share: 0.6 },
  },
  {
    key: "refund",
    weight: 8,
    opening: [
      "I cancelled my service last month and I'm still being billed. I want a refund.",
      "I returned the phone 3 weeks ago and still haven't got my money back. This is unacceptable.",
    ],
    reply: [
      "I'm sorry, that shouldn't have happened. I've closed the account for good and refunded the last charge; it'll reach you in 3–5 days.",
      "Sorry for the wait. I can see the return arrived; I've pushed the refund through today.",
    ],
    question: ["How will I know it went through?"],
    secondReply: [
      "You'll get an email confirmation today, and the refund shows on your statement within a week.",
    ],
    disposition: { tag: "disposition:refund", share: 0.75 },
    escalates: 0.06,
  },
  {
    key: "technical",
    weight: 14,
    opening: [
      "My new router keeps dropping wifi every hour. Already restarted it twice.",
      "Voicemail stopped working on my phone after the update. How do I fix it?",
      "My eSIM won't activate on my new phone, it keeps saying 'unable to complete'.",
    ],
    reply: [
      "Sorry about that! Please try switching the router to channel 6 in the app (Settings > Wi-Fi). I've also pushed a firmware update to your box.",
      "Thanks for reaching out. Dial 123 and follow the prompts to reset your voicemail; that fixes it after the update.",
      "I've reissued your eSIM; you should get a new QR code by email in a minute. Scan it in Settings > Mobile data.",
    ],
    question: ["Tried that, still the same problem.", "I didn't get the email, can you resend?"],
    secondReply: [
      "Thanks for trying. I've booked a replacement router, it ships today with free next-day delivery.",
      "Resent now to the address on file. If it doesn't arrive in 10 minutes, check the spam folder.",
    ],
  },
  {
    key: "coverage",
    weight: 8,
    opening: [
      "Do you have 5G coverage in {city}? Moving there next month.",
      "Going to Spain next week, how do I turn on roaming?",
    ],
    reply: [
      "Yes, {city} has full 5G coverage on our network. You can check any address on acme.example/coverage.",
      "Roaming in the EU is included in your plan, just turn on Data Roaming in your phone settings when you land.",
    ],
  },
  {
    key: "praise",
    weight: 10,
    praise: true,
    opening: [
      "Shoutout to the Acme technician who fixed my line today. Super quick and friendly, thank you!",
      "Honestly the best customer service I've had from a phone company. Thanks Acme!",
      "Love the new app update, paying my bill took 10 seconds. Great job!",
    ],
    reply: [
      "Thank you so much for the kind words! I'll pass them on to the team.",
      "That's great to hear, thanks for being with us!",
    ],
  },
  {
    key: "spam",
    weight: 6,
    spam: true,
    opening: [
      "Make $5000 a week working from home!!! Click here bit.ly/easy-cash-now limited spots",
      "FREE iPhone giveaway, follow me and DM to claim your prize now!!! 🎁🎁🎁",
      "Cheap followers 10k for $5, best price, DM now, crypto accepted",
    ],
    reply: [],
  },
];
export const SCENARIO_WEIGHT = SCENARIOS.reduce((a, s) => a + s.weight, 0);

export const THANKS = [
  "That worked, thank you so much!",
  "Perfect, thanks for the quick help!",
  "Great, all sorted now. Thanks a lot!",
  "Brilliant, really appreciate it. Thank you!",
];
export const REOPEN = [
  "Hi again, the problem is back since this morning.",
  "Sorry, it's happening again. Can you take another look?",
];

export const FIRST = [
  "Maria",
  "James",
  "Aisha",
  "Kevin",
  "Sofia",
  "Daniel",
  "Emily",
  "Luis",
  "Grace",
  "Omar",
];
export const FIRST2 = [
  "Hannah",
  "Marcus",
  "Chloe",
  "Ryan",
  "Fatima",
  "Ethan",
  "Isabel",
  "Noah",
  "Zoe",
  "Victor",
];
export const LAST = [
  "Lopez",
  "Carter",
  "Brooks",
  "Nguyen",
  "Patel",
  "Kim",
  "Rossi",
  "Murphy",
  "Silva",
  "Hughes",
];
