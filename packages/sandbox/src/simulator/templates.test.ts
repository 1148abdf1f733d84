import { describe, expect, it } from "vitest";
import { createRandom } from "../shared/random";
import { weightedLength } from "../x/text";
import { classifyBrandReply } from "./reactions";
import { FOLLOW_UPS, type Intent, LANGS, PACKS, TOPICS } from "./templates";
import { newSlots, render } from "./text";

describe("language packs", () => {
  const random = createRandom("templates");

  for (const lang of LANGS) {
    const pack = PACKS[lang];
    const slots = newSlots({ random, pack, brand: "Acme", city: pack.cities[0] ?? "", name: "Dana Rivera" });

    it(`${lang}: has text for every topic and follow-up, and every template fits a post on X`, () => {
      const templates: string[] = [];
      for (const intent of Object.keys(TOPICS) as Intent[]) {
        for (const topic of TOPICS[intent]) {
          const list = (pack.posts[intent] as Record<string, readonly string[]>)[topic] ?? [];
          expect(list.length, `${lang} ${intent}.${topic}`).toBeGreaterThan(0);
          templates.push(...list);
        }
      }
      for (const kind of FOLLOW_UPS) {
        expect(pack.followUps[kind].length, `${lang} follow-up ${kind}`).toBeGreaterThan(0);
        templates.push(...pack.followUps[kind]);
      }
      for (const template of templates) {
        const text = render(random, template, slots);
        expect(text).not.toMatch(/[{}]/);
        expect(weightedLength(`${text} #AcmeDown #ManchesterOutage @acme`)).toBeLessThanOrEqual(280);
      }
    });
  }

  it("refuses a template with an unknown slot", () => {
    const pack = PACKS.en;
    const slots = newSlots({ random, pack, brand: "Acme", city: "Leeds", name: "Dana Rivera" });
    expect(() => render(random, "my {router} is broken", slots)).toThrow(/unknown template slot \{router\}/);
  });
});

describe("reading the brand's replies", () => {
  it.each([
    ["Sorry to hear that! Please DM us your account number.", "dm"],
    ["Can you send us a DM with your postcode?", "dm"],
    ["Drop us a message privately and we'll check.", "dm"],
    ["Escríbenos por mensaje privado, por favor.", "dm"],
    ["Envoyez-nous un message privé svp", "dm"],
    ["Schick uns bitte eine Direktnachricht.", "dm"],
    ["Manda-nos uma mensagem privada, por favor.", "dm"],
    ["Good news, the fault is fixed!", "fix"],
    ["We've refunded the double charge.", "fix"],
    ["Ya está solucionado.", "fix"],
    ["Le problème est résolu.", "fix"],
    ["Die Störung ist behoben.", "fix"],
    ["Já está resolvido!", "fix"],
    ["Sorry about that, which town are you in?", "other"],
  ])("%s → %s", (text, cue) => {
    expect(classifyBrandReply(text, "public")).toBe(cue);
  });

  it("does not read a private message's mention of DMs as a request to move to DMs", () => {
    expect(classifyBrandReply("Thanks for the DM! What's your postcode?", "private")).toBe("other");
  });
});
