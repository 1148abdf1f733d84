import type { LanguagePack } from "./types";

/** English (UK customers of Acme Telecom). Written for this simulator; not taken from any data set. */
export const en: LanguagePack = {
  lang: "en",
  firstNames: ["Dana", "Tom", "Priya", "Liam", "Chloe", "Marcus", "Aisha", "Jack", "Sophie", "Owen", "Grace"],
  lastNames: ["Rivera", "Hughes", "Patel", "Walsh", "Okafor", "Bennett", "Clarke", "Murray", "Khan", "Doyle"],
  cities: ["Manchester", "Leeds", "Bristol", "Glasgow", "Birmingham", "Cardiff", "Liverpool", "Sheffield"],
  greetings: ["Hi!", "Hello.", "Hiya!", "Hi there!"],
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  phone: { prefix: "447700", digits: 6 },
  postcode: (r) =>
    `${r.pick(["M", "LS", "BS", "G", "B", "CF", "L", "S"])}${1 + r.int(20)} ${r.int(10)}${r.string(2, "ABDEFGHJLNPQRSTUWXYZ")}`,
  money: (amount) => `£${amount.toFixed(2)}`,
  posts: {
    question: {
      billing: [
        "Why is my bill {amount} this month? It's normally way less {sad}",
        "Can someone explain the extra charge on my latest bill? Never seen it before",
        "how do i get copies of my last 3 bills?? the app only shows one",
      ],
      plans: [
        "Thinking of upgrading to {plan}, does it include EU roaming?",
        "Is there anything cheaper than {plan} if I only need calls and texts?",
        "Can I add my daughter to my {plan} contract or does she need her own?",
      ],
      roaming: [
        "Flying to {abroad} on {weekday}, will my {plan} work there or do I need an add-on?",
        "Just landed in {abroad} and my data isn't working. Do I need to switch something on?",
        "What's the daily roaming charge in {abroad}? Can't find it anywhere",
      ],
      account: [
        "How do I change the email on my account? The form keeps failing",
        "Locked out of my online account after a password reset {sad} any help?",
        "Can I move my contract into my partner's name?",
      ],
      delivery: [
        "Ordered a {device} on {weekday}, order {order}, still says processing. When will it ship?",
        "Where's my new SIM? Ordered a week ago and nothing",
        "Tracking says my {device} was delivered but nothing came. Order {order}",
      ],
    },
    complaint: {
      broadband: [
        "Paying for {speed} and getting {slow} on a good day. Not acceptable {angry}",
        "Broadband dropping every evening for {days} days. Router restarted 10 times already",
        "My fibre is slower than my nan's dial-up was. Sort it out {brand} {angry}",
      ],
      calls: [
        "Calls keep dropping mid-sentence in {city}. 5 times today {angry}",
        "Can't make a single call from home without it cutting out. What am I paying for?",
        "Every call drops after 2 minutes. {days} days now and nobody cares",
      ],
      double_charge: [
        "You've charged me twice this month!! {amount} taken two times {angry}",
        "Double charged AGAIN. That's {amount} I need for rent. Refund me please",
        "Why are there two direct debits from {brand} this month? I want my money back",
      ],
      store: [
        "Worst store visit ever at {brand} {city}. Waited 45 mins and the guy just shrugged",
        "Staff at your {city} store told me to call the helpline. What's the store for then?",
        "Went into the {city} shop to fix my SIM, left with a wiped phone and no help {angry}",
      ],
    },
    outage: {
      no_signal: [
        "No signal at all in {city} since this morning. Is there an outage?? {angry}",
        "Zero bars in {city} centre. Can't call, can't text. What's going on {brand}?",
        "Is a mast down in {city}? Whole street has no signal",
      ],
      internet_down: [
        "Internet down for {days} days now. I work from home. This is a joke {angry}",
        "Broadband completely dead since {weekday}. Engineer didn't show twice. Need this fixed TODAY",
        "No internet for {days} days and nobody can tell me when it'll be back",
      ],
      switching: [
        "That's it. {days} days without service. Switching to {competitor} unless this is fixed today",
        "If my broadband isn't back tonight I'm cancelling and going to {competitor}",
        "Seriously looking at {competitor} now. At least their stuff works {angry}",
      ],
    },
    praise: {
      network: [
        "Loving the new 5G in {city}, downloads are unreal {happy}",
        "Fair play {brand}, signal has been rock solid since I switched {happy}",
      ],
      agent: [
        "Huge thanks to the lady in the {city} store who sorted my phone in 10 mins {happy}",
        "Just had the most helpful chat with {brand} support. Fixed first time {happy}",
      ],
      fiveg: [
        "Speed test on {brand} 5G just hit {speed} {happy}",
        "5G on the train out of {city} actually works now, who knew {happy}",
      ],
    },
    mention: {
      general: [
        "Queue at the {brand} store in {city} is out the door today",
        "New {device} from {brand} arrived, setting it up now",
        "Anyone else on {brand}? Thinking about their {plan} deal",
        "{brand} advert on TV again lol",
      ],
    },
    competitor: {
      compare: [
        "{competitor} is doing {plan} deals for half the price. Why stay with {brand}?",
        "Moved from {brand} to {competitor} last month, honestly no difference",
        "{competitor} or {brand} for broadband in {city}? Opinions pls",
      ],
    },
    spam: {
      promo: [
        "🔥 50% OFF all phone cases today only! Shop now {link}",
        "Best deals on refurbished phones ➡️ {link} #deals",
        "Get {amount} cashback on any contract, limited offer {link}",
      ],
      crypto: [
        "I turned £200 into £9,400 in a week with this crypto bot 🚀🚀 {link}",
        "$MOON token launching NOW 💎🙌 early holders 100x {link}",
        "Stop paying bills, let Bitcoin pay them! DM me to learn how 💰",
      ],
      follow: [
        "follow for follow 🔁 i follow back 100% #f4f #followback",
        "Follow me and I follow back instantly!! 💯💯",
        "gain 1000 followers fast ➡️ {link}",
      ],
      link: ["check this out {link}", "You won't believe what happened next {link}", "{link} free movies HD"],
      giveaway: [
        "🎁 {brand} GIVEAWAY! Win a free {device}! Click {link} to claim before midnight",
        "Congratulations! You've been selected for an exclusive {brand} reward. Claim here {link}",
      ],
    },
    crisis: {
      outage: [
        "Whole of {city} has no signal?? {hashtag}",
        "Is {brand} down in {city}? No data, no calls {angry} {hashtag}",
        "{brand} outage in {city} AGAIN. {hours} hours and counting {hashtag}",
        "Anyone else in {city} lost all signal? {hashtag}",
        "Can't reach my kids' school in {city} because {brand} is down. Unacceptable {angry}",
      ],
      billing: [
        "{brand} just charged me twice too?! Looks like everyone got double billed {hashtag}",
        "Half my timeline says {brand} took their bill twice today. Me too {angry} {hashtag}",
      ],
      app: [
        "{brand} app won't let anyone log in today {hashtag}",
        "Is the {brand} app down? Can't pay my bill, can't top up {angry}",
      ],
    },
  },
  followUps: {
    details: [
      "Sure, my account number is {account} and the postcode is {postcode}",
      "Done. Account {account}, phone {phone}. It's still happening",
      "Order number {order}, postcode {postcode}, email {email}",
      "Account no. {account}, registered at {postcode}. Please sort it quickly",
    ],
    answer: [
      "It's in {city}, near the station. Started around {time}",
      "Already restarted everything. Still the same",
      "{device}, fully updated. Happens at home and at work",
    ],
    refuse_dm: [
      "Why can't you just answer here? Everyone should see how you treat customers",
      "I've DMed you three times already, nobody answers there",
    ],
    thanks: [
      "Thanks, all fixed! {happy}",
      "That's sorted now, thank you {happy}",
      "Working again, cheers for the quick help {happy}",
      "Refund received. Thanks!",
    ],
    close_loop: [
      "Credit where it's due, {brand} sorted my issue over DM {happy}",
      "Update: {brand} fixed it. Thanks team {happy}",
    ],
    unhappy: [
      "Still not working. Third time you've said it's fixed {angry}",
      "No it isn't. Nothing has changed here",
      "A {small} credit after {days} days without service? No",
    ],
    nudge: [
      "Any update? Still waiting",
      "Hello?? It's been hours",
      "Sent everything you asked for. Now what?",
    ],
    chase: [
      "Still no reply from {brand}... great customer service {angry}",
      "{brand} are you ignoring me? Asked hours ago",
      "Hello? Anyone there?",
    ],
    smalltalk: ["{happy}", "Thanks for the reply!", "Cheers {happy}"],
    troll: ["lol imagine paying for this", "nice copy-paste answer bot", "👎👎👎 worst company ever"],
  },
};
