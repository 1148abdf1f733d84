import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { pt } from "./pt";
import type { Lang, LanguagePack } from "./types";

export * from "./types";

/** Every language the simulator can write; add a pack here to add a language. */
export const PACKS: Record<Lang, LanguagePack> = { en, es, fr, de, pt };
