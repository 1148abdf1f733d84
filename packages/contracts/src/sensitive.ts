/**
 * SPEC T4 sensitive data guard: where a message holds a card number, SSN, account/member number,
 * phone, email, date of birth or IBAN, so the desk can warn before posting publicly, offer a private
 * channel and redact logs. Spans carry the kind and UTF-16 offsets, never the value, so no caller can
 * leak what it was asked to guard. A bare run of digits is far more often an order number, a price,
 * a year or a tracking number than personal data, so every detector needs a checksum or a context
 * word: cards pass Luhn and start with a network's digit (2-6), IBANs mod-97 at their country's
 * length, SSNs the SSA rules; account numbers and dates of birth need their introducing word (order
 * numbers identify a purchase, not a person: not sensitive); phones need a phone shape or word and
 * lose to order/tracking/ticket context. Regexes compile once; cheap digit counts and keyword hints
 * skip the detectors a message cannot trigger, so most messages cost a microsecond or two.
 */

/** Kinds in precedence order: where candidates overlap, the earlier kind wins (a card is not a phone). */
export const SENSITIVE_KINDS = [
  "email",
  "iban",
  "card",
  "ssn",
  "account_number",
  "date_of_birth",
  "phone",
] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];
const KIND_RANK = Object.fromEntries(SENSITIVE_KINDS.map((k, i) => [k, i])) as Record<SensitiveKind, number>;
export interface SensitiveSpan {
  kind: SensitiveKind;
  start: number;
  end: number;
}

const NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}_])"; // Unicode-aware word boundaries
const NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}_])";

const EMAIL_HINT = /[\w.%+-]@[a-z0-9]/i;
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/gi;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;
// Up to 19 digits, a network's first digit, and no digit glued on either side (a longer run is not a card).
const CARD = /(?<![\d+-])(?<!\d[ -])[2-6]\d{3}(?:[ -]?\d){9,15}(?![ -]?\d)/g;
const SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;
const SSN_HINT = /ssn|ss#|social security/;
const SSN_WORD = new RegExp(
  `${NOT_AFTER_WORD}(?:ssn|ss#|social security(?: number| no\\.?| #)?)[\\s:#]*(?:is\\s+)?(\\d{3})[ -]?(\\d{2})[ -]?(\\d{4})(?!\\d)`,
  "giud",
);

const DESIGNATOR = "(?:numbers?|num|no\\.?|nr\\.?|n[°º.]|#|id|numéro|número|nummer|nro\\.?)";
const STRONG_ACCOUNT =
  "account|acct|a/c|member(?:ship)?|policy|cuenta|socio|p[óo]liza|compte|adh[ée]rent|police|konto|mitglieds?|versicherungs|conta|s[óo]cio|ap[óo]lice";
const WEAK_ACCOUNT = "customer|client|cliente|kunden|subscriber|assinante|abonn[ée]|vertrags";
const FILLER = "(?:[\\s:=#.-]*(?:is|was|es|est|ist|é|are)?[\\s:=#-]*)";
// Stems of the words above, on lower-cased text, without the costly i and u flags.
const ACCOUNT_HINT =
  /acc|a\/c|memb|polic|cuenta|socio|liza|compte|adh|konto|mitglied|versicherung|conta|cio|lice|custom|client|kunden|subscri|assinante|abonn|vertrag/;
const ACCOUNT = new RegExp(
  `${NOT_AFTER_WORD}(?:(?:${STRONG_ACCOUNT})(?:[\\s-]*${DESIGNATOR})?|(?:${WEAK_ACCOUNT})[\\s-]*${DESIGNATOR}|${DESIGNATOR}\\s*(?:de |da |do |d'|of )?(?:${WEAK_ACCOUNT}))(?!\\p{L})${FILLER}((?=[a-z0-9-]*\\d)[a-z0-9][a-z0-9-]{4,22}[a-z0-9])${NOT_BEFORE_WORD}`,
  "giud",
);

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|" +
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|" +
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|" +
  "januar|februar|märz|maerz|juni|juli|oktober|dezember|" +
  "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro";
const DAY = "\\d{1,2}(?:st|nd|rd|th|\\.|º|er)?";
const DATE = new RegExp(
  `(?<!\\d)(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2})(?![./-]?\\d)|` +
    `${NOT_AFTER_WORD}(?:${DAY}\\s+(?:of\\s+|de\\s+)?(?:${MONTHS})\\.?,?\\s+(?:de\\s+)?\\d{4}|(?:${MONTHS})\\.?\\s+${DAY},?\\s+\\d{4})(?!\\d)`,
  "giu",
);
// "birthday" alone is too often someone else's party ("my son's birthday on 12/03/2023").
const DOB_WORD = new RegExp(
  `${NOT_AFTER_WORD}(?:born(?: on)?|dob|d\\.o\\.b\\.?|date of birth|birth ?date|my birthday(?: is)?|birthday(?: is|:)|` +
    "fecha de nacimiento|nac[íi]d[oa] el|nac[íi] el|mi cumpleaños(?: es)?|n[ée]e? le|date de naissance|" +
    "geboren(?: am)?|geburtsdatum|mein geburtstag(?: ist)?|data de nascimento|nascid[oa] em|nasci em)(?![\\p{L}])",
  "giu",
);
const DOB_HINT =
  /born|dob|d\.o\.b|birth|nacimiento|nac[ií]|cumplea|n[ée]e? le|naissance|geboren|geburt|nascid|nasci/;
const DOB_BEFORE = 30; // max chars from the end of "born on" to the date
const DOB_AFTER = 15; // max chars from the date to a following "(DOB)"

/** Phone shapes, each with whether it also needs a phone word before it. */
const PHONE_PATTERNS: [RegExp, boolean][] = [
  [/(?<![\w+])\+\(?\d(?:[ .\-()]{0,2}\d){7,14}(?!\d)/g, false], // international: + and 8-15 digits
  [/(?<![\w+])(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w])/g, false], // North American
  [/(?<![\w+])0\d{1,4}(?:[ .-]\d{2,8}){1,4}(?![\w])/g, false], // European national, trunk prefix 0
  [/(?<![\w+])[6-9]\d{2}(?:(?:[ .-]\d{3}){2}|(?:[ .-]\d{2}){3})(?![\w])/g, false], // es/pt mobiles
  [/(?<![\w+])\d{10,11}(?![\w])/g, true], // bare digits: "text me 5551234567"
];
const PHONE_WORD =
  /\b(?:call|phone|tel|telephone|cell|mobile|number|text me|whatsapp|reach me|contact me|teléfono|telefono|móvil|movil|celular|llámame|llamame|téléphone|portable|appelez|telefon|handy|nummer|ruf|telefone|ligue)\b[^\d]{0,20}$/i;
// Order, ticket and tracking numbers, prices, and the tail of a longer number (an IBAN, a card).
const NOT_PHONE_CONTEXT =
  /(?:\b(?:order|tracking|track|ticket|case|ref|reference|invoice|confirmation|booking|reservation|flight|serial|imei|pedido|commande|bestellung|sendung|encomenda|rastreio|seguimiento|suivi)\b[^\d]{0,20}|#\s*|[$€£¥]\s*|\d[ .-]?)$/i;
// A price ("600 000 000 €") or a date and time ("05.11.2023 10:30") shaped like a phone number.
const NOT_PHONE_AFTER = /^(?:\s?(?:[$€£¥%]|usd|eur|gbp)|:\d)/i;
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/; // an invalid SSN is not a phone either
const DATE_LIKE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![./-]?\d)/;
const PHONE_DIGITS_MIN = 9;
const PHONE_DIGITS_MAX = 15;

const IBAN_COUNTRIES =
  "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 " +
  "ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 " +
  "LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 " +
  "RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20";
/** Country code → IBAN length (ISO 13616 registry). */
const IBAN_LENGTHS = new Map(IBAN_COUNTRIES.split(" ").map((e) => [e.slice(0, 2), Number(e.slice(2))]));

/** Sensitive spans in `text`, non-overlapping, in text order. */
export function findSensitive(text: string): SensitiveSpan[] {
  const digits = countDigits(text);
  const email = text.includes("@") && EMAIL_HINT.test(text);
  if (digits < 4 && !email) return [];
  const lower = text.toLowerCase();
  // Each detector runs only if the text could hold what it finds: the cheap checks skip most.
  const candidates = [
    ...(email ? findEmails(text) : []),
    ...(digits >= 8 ? findIbans(text) : []),
    ...(digits >= 13 ? findCards(text) : []),
    ...(digits >= 9 ? findSsns(text, lower) : []),
    ...(digits >= 4 && ACCOUNT_HINT.test(lower) ? findAccounts(text) : []),
    ...(digits >= 4 && DOB_HINT.test(lower) ? findDatesOfBirth(text) : []),
    ...(digits >= PHONE_DIGITS_MIN ? findPhones(text) : []),
  ];
  return resolveOverlaps(candidates);
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** The text with each span replaced by its kind in brackets: "call me on [phone]". */
export function redact(text: string, spans: readonly SensitiveSpan[]): string {
  let out = "";
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += `${text.slice(at, s.start)}[${s.kind}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The distinct kinds present, in precedence order (stable for display and for rules). */
export function sensitiveKinds(spans: readonly SensitiveSpan[]): SensitiveKind[] {
  return SENSITIVE_KINDS.filter((k) => spans.some((s) => s.kind === k));
}

function resolveOverlaps(candidates: SensitiveSpan[]): SensitiveSpan[] {
  candidates.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.end - b.start - (a.end - a.start));
  const kept: SensitiveSpan[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** All matches of a global regex; an exec loop, since matchAll's regex copy costs more than the match. */
function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

function findEmails(text: string): SensitiveSpan[] {
  return execAll(EMAIL, text).map(
    (m): SensitiveSpan => ({ kind: "email", start: m.index, end: m.index + m[0].length }),
  );
}

function findIbans(text: string): SensitiveSpan[] {
  const out: SensitiveSpan[] = [];
  for (const m of execAll(IBAN, text)) {
    const length = IBAN_LENGTHS.get(m[0].slice(0, 2));
    if (!length) continue;
    // The regex may run into a following upper-case word; the country fixes where the IBAN ends.
    let chars = "";
    let end = 0;
    while (end < m[0].length && chars.length < length) {
      if (m[0][end] !== " ") chars += m[0][end];
      end++;
    }
    const next = text[m.index + end] ?? " ";
    if (chars.length === length && !/[A-Za-z0-9]/.test(next) && ibanChecksumOk(chars)) {
      out.push({ kind: "iban", start: m.index, end: m.index + end });
    }
  }
  return out;
}

/** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
export function ibanChecksumOk(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
  }
  return rest === 1;
}

export function luhnOk(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function findCards(text: string): SensitiveSpan[] {
  const out: SensitiveSpan[] = [];
  for (const m of execAll(CARD, text)) {
    if (luhnOk(m[0].replace(/[ -]/g, "")))
      out.push({ kind: "card", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function validSsn(area: string, group: string, serial: string): boolean {
  return area !== "000" && area !== "666" && area[0] !== "9" && group !== "00" && serial !== "0000";
}

function findSsns(text: string, lower = text.toLowerCase()): SensitiveSpan[] {
  const out: SensitiveSpan[] = [];
  for (const m of execAll(SSN, text)) {
    if (validSsn(m[1] as string, m[2] as string, m[3] as string))
      out.push({ kind: "ssn", start: m.index, end: m.index + m[0].length });
  }
  if (!SSN_HINT.test(lower)) return out;
  for (const m of execAll(SSN_WORD, text)) {
    const [start] = m.indices?.[1] ?? [0];
    const [, end] = m.indices?.[3] ?? [0, 0];
    if (validSsn(m[1] as string, m[2] as string, m[3] as string)) out.push({ kind: "ssn", start, end });
  }
  return out;
}

function findAccounts(text: string): SensitiveSpan[] {
  const out: SensitiveSpan[] = [];
  for (const m of execAll(ACCOUNT, text)) {
    const id = m[1] as string;
    const [start, end] = m.indices?.[1] ?? [0, 0];
    const digits = id.replace(/\D/g, "").length;
    const alnum = id.replace(/-/g, "").length;
    const ok = digits === alnum ? digits >= 6 && digits <= 17 : digits >= 4 && alnum <= 20;
    if (ok) out.push({ kind: "account_number", start, end });
  }
  return out;
}

function findDatesOfBirth(text: string): SensitiveSpan[] {
  const words = execAll(DOB_WORD, text).map((m) => [m.index, m.index + m[0].length] as const);
  if (!words.length) return [];
  const out: SensitiveSpan[] = [];
  for (const m of execAll(DATE, text)) {
    const start = m.index;
    const end = start + m[0].length;
    const near = words.some(
      ([ws, we]) => (we <= start && start - we <= DOB_BEFORE) || (ws >= end && ws - end <= DOB_AFTER),
    );
    if (near) out.push({ kind: "date_of_birth", start, end });
  }
  return out;
}

function findPhones(text: string): SensitiveSpan[] {
  const out: SensitiveSpan[] = [];
  for (const [re, needsWord] of PHONE_PATTERNS) {
    for (const m of execAll(re, text)) {
      const end = m.index + m[0].length;
      if (isPhone(text, m.index, end, needsWord)) out.push({ kind: "phone", start: m.index, end });
    }
  }
  return out;
}

function isPhone(text: string, start: number, end: number, needsWord: boolean): boolean {
  const value = text.slice(start, end);
  const digits = value.replace(/\D/g, "").length;
  if (digits < PHONE_DIGITS_MIN || digits > PHONE_DIGITS_MAX) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  if (NOT_PHONE_CONTEXT.test(before) || NOT_PHONE_AFTER.test(text.slice(end, end + 4))) return false;
  if (DATE_LIKE.test(value) || SSN_SHAPE.test(value)) return false;
  return !needsWord || PHONE_WORD.test(before);
}
