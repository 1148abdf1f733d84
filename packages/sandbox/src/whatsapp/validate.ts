import { obj, type Params, str } from "../meta/graph/params";
import { waErrors } from "./errors";
import type { WhatsAppTemplate } from "./options";

/** Request checks of `POST /{phone-number-id}/messages` (§3.4), one function per message type. */
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const MEDIA_TYPES = new Set(["image", "video", "audio", "document", "sticker"]);
const OTHER_TYPES = new Set(["location", "contacts"]);

export interface ValidatedSend {
  to: string;
  waId: string;
  type: string;
  template?: WhatsAppTemplate;
  contextId?: string | undefined;
  bizOpaqueCallbackData?: string | undefined;
}

function checkText(text: Record<string, unknown>): void {
  if (typeof text.body !== "string" || text.body === "")
    throw waErrors.missingParameter("The parameter text['body'] is required.");
  if ([...text.body].length > TEXT_MAX) {
    throw waErrors.invalidParameter(`Param text['body'] must be at most ${TEXT_MAX} characters long.`);
  }
}

function checkMedia(type: string, media: Record<string, unknown>): void {
  if (typeof media.id !== "string" && typeof media.link !== "string") {
    throw waErrors.missingParameter(`The parameter ${type}['id'] or ${type}['link'] is required.`);
  }
  if (typeof media.caption === "string" && [...media.caption].length > CAPTION_MAX) {
    throw waErrors.invalidParameter(
      `Param ${type}['caption'] must be at most ${CAPTION_MAX} characters long.`,
    );
  }
}

function checkInteractive(interactive: Record<string, unknown>): void {
  const action = (interactive.action ?? {}) as { buttons?: unknown[]; sections?: { rows?: unknown[] }[] };
  if (typeof interactive.type !== "string")
    throw waErrors.missingParameter("The parameter interactive['type'] is required.");
  if ((action.buttons?.length ?? 0) > 3)
    throw waErrors.invalidValue("Param interactive['action']['buttons'] must have at most 3 elements.");
  const rows = (action.sections ?? []).reduce((n, s) => n + (s.rows?.length ?? 0), 0);
  if (rows > 10)
    throw waErrors.invalidValue(
      "Param interactive['action']['sections'] must have at most 10 rows in total.",
    );
}

function placeholderCount(body: string): number {
  return new Set(body.match(/\{\{\d+\}\}/g) ?? []).size;
}

function checkTemplate(template: Record<string, unknown>, templates: WhatsAppTemplate[]): WhatsAppTemplate {
  const name = typeof template.name === "string" ? template.name : undefined;
  const language = (template.language as { code?: unknown } | undefined)?.code;
  if (!name) throw waErrors.missingParameter("The parameter template['name'] is required.");
  if (typeof language !== "string")
    throw waErrors.missingParameter("The parameter template['language']['code'] is required.");
  const found = templates.find((t) => t.name === name && t.language === language);
  if (!found || found.status === "PENDING" || found.status === "REJECTED")
    throw waErrors.templateMissing(name, language);
  if (found.status === "PAUSED") throw waErrors.templatePaused(name);
  if (found.status === "DISABLED") throw waErrors.templateDisabled(name);
  const components = Array.isArray(template.components)
    ? (template.components as Record<string, unknown>[])
    : [];
  const body = components.find((c) => c.type === "body");
  const given = Array.isArray(body?.parameters) ? body.parameters.length : 0;
  const expected = placeholderCount(found.body);
  if (given !== expected) throw waErrors.templateParams(given, expected);
  return found;
}

function checkContent(type: string, content: Record<string, unknown>, templates: WhatsAppTemplate[]) {
  if (type === "text") checkText(content);
  else if (type === "template") return checkTemplate(content, templates);
  else if (MEDIA_TYPES.has(type)) checkMedia(type, content);
  else if (type === "interactive") checkInteractive(content);
  else if (type === "reaction") {
    if (typeof content.message_id !== "string")
      throw waErrors.missingParameter("The parameter reaction['message_id'] is required.");
  } else if (!OTHER_TYPES.has(type))
    throw waErrors.invalidValue(`Param type is not a supported message type: ${type}`);
  return undefined;
}

export function validateSend(
  params: Params,
  args: { templates: WhatsAppTemplate[]; ownNumber: string },
): ValidatedSend {
  const to = str(params, "to");
  if (!to) throw waErrors.invalidParameter("The parameter to is required.");
  const waId = to.replace(/\D/g, "");
  if (waId.length < 7) throw waErrors.invalidParameter(`Param to (${to}) is not a valid phone number.`);
  if (waId === args.ownNumber) throw waErrors.sameAsSender();
  const recipientType = str(params, "recipient_type");
  if (recipientType && recipientType !== "individual")
    throw waErrors.invalidValue("Param recipient_type must be individual.");
  const type = str(params, "type") ?? "text";
  const content = obj(params, type);
  if (!content) throw waErrors.missingParameter(`The parameter ${type} is required.`);
  const template = checkContent(type, content, args.templates);
  const contextId = obj(params, "context")?.message_id;
  const opaque = str(params, "biz_opaque_callback_data");
  if (opaque && Buffer.byteLength(opaque) > 512)
    throw waErrors.invalidParameter("Param biz_opaque_callback_data must be at most 512 bytes.");
  return {
    to,
    waId,
    type,
    ...(template ? { template } : {}),
    contextId: typeof contextId === "string" ? contextId : undefined,
    bizOpaqueCallbackData: opaque,
  };
}
