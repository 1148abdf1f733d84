import { Channel, Priority } from "@parley/contracts";
import { z } from "zod";

/*
 * HTTP shapes of SLA configuration (SPEC W3). Business hours are checked in two passes: this
 * schema for the envelope (so OpenAPI documents it), then `compileCalendar` from @parley/sla for
 * what the times and dates mean, whose issues name the exact part (`body.weekly.mon[1]`).
 */
const Name = z.string().trim().min(1).max(200);
const Timestamp = z.iso.datetime({ offset: true });
/** 90 days: a longer target is a reminder, not a service level. */
const MAX_TARGET_SECONDS = 90 * 86_400;

const Interval = z
  .tuple([z.string().max(5), z.string().max(5)])
  .describe('Wall-clock opening, ["09:00", "17:00"]; "24:00" ends a day.');
const Weekly = z
  .record(z.string().max(10), z.array(Interval).max(24))
  .describe("Open hours per weekday (sun, mon, tue, wed, thu, fri, sat); a missing day is closed.");
const Holidays = z
  .array(z.string().max(10))
  .max(1000)
  .describe('Whole local days closed, "YYYY-MM-DD" in the calendar\'s time zone.');

export const BusinessHoursDto = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  always_open: z.boolean(),
  weekly: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(z.string()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type BusinessHoursDto = z.infer<typeof BusinessHoursDto>;

export const CreateBusinessHoursRequest = z.strictObject({
  name: Name,
  timezone: z.string().min(1).max(100).describe("IANA time zone, e.g. Europe/London."),
  always_open: z.boolean().default(false).describe("24x7: ignores weekly and holidays."),
  weekly: Weekly.default({}),
  holidays: Holidays.default([]),
});
export type CreateBusinessHoursRequest = z.infer<typeof CreateBusinessHoursRequest>;

export const UpdateBusinessHoursRequest = z.strictObject({
  name: Name.optional(),
  timezone: z.string().min(1).max(100).optional(),
  always_open: z.boolean().optional(),
  weekly: Weekly.optional(),
  holidays: Holidays.optional(),
});
export type UpdateBusinessHoursRequest = z.infer<typeof UpdateBusinessHoursRequest>;

const Target = z.number().int().min(1).max(MAX_TARGET_SECONDS).nullable();

const PolicyFields = {
  name: Name,
  position: z.number().int().min(0).max(100_000).describe("Lower first; the first matching policy applies."),
  enabled: z.boolean(),
  channel: Channel.nullable().describe("Null matches any channel."),
  priority: Priority.nullable().describe("Null matches any priority."),
  first_response_seconds: Target.describe("Business seconds to the first agent reply; null for none."),
  next_response_seconds: Target.describe("Business seconds to answer each later customer message."),
  resolution_seconds: Target.describe("Business seconds to resolve, not counting pending or on hold."),
  business_hours_id: z.uuid().nullable().describe("Null uses the workspace's default business hours."),
};

export const SlaPolicyDto = z.object({
  id: z.uuid(),
  ...PolicyFields,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type SlaPolicyDto = z.infer<typeof SlaPolicyDto>;

export const CreateSlaPolicyRequest = z.strictObject({
  name: PolicyFields.name,
  position: PolicyFields.position.optional().describe("Defaults to after the last policy."),
  enabled: PolicyFields.enabled.default(true),
  channel: PolicyFields.channel.default(null),
  priority: PolicyFields.priority.default(null),
  first_response_seconds: PolicyFields.first_response_seconds.default(null),
  next_response_seconds: PolicyFields.next_response_seconds.default(null),
  resolution_seconds: PolicyFields.resolution_seconds.default(null),
  business_hours_id: PolicyFields.business_hours_id.default(null),
});
export type CreateSlaPolicyRequest = z.infer<typeof CreateSlaPolicyRequest>;

export const UpdateSlaPolicyRequest = z.strictObject({
  name: PolicyFields.name.optional(),
  position: PolicyFields.position.optional(),
  enabled: PolicyFields.enabled.optional(),
  channel: PolicyFields.channel.optional(),
  priority: PolicyFields.priority.optional(),
  first_response_seconds: PolicyFields.first_response_seconds.optional(),
  next_response_seconds: PolicyFields.next_response_seconds.optional(),
  resolution_seconds: PolicyFields.resolution_seconds.optional(),
  business_hours_id: PolicyFields.business_hours_id.optional(),
});
export type UpdateSlaPolicyRequest = z.infer<typeof UpdateSlaPolicyRequest>;

export const WorkspaceBusinessHoursDto = z.object({
  business_hours_id: z
    .uuid()
    .nullable()
    .describe("Default calendar of policies without their own; null is 24x7."),
});

export const SetWorkspaceBusinessHoursRequest = z.strictObject({
  business_hours_id: z.uuid().nullable(),
});
