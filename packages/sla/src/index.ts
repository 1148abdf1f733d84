/**
 * @parley/sla: business-hours calendars and SLA due times (SPEC W3), as pure functions. Nothing
 * here reads the clock or does IO; pass `now` in, so the server, the scheduler and the tests
 * all get the same answer for the same facts.
 */

export { addBusinessSeconds, businessSecondsBetween, isOpen, nextOpening } from "./business-time";
export {
  type BusinessHoursInput,
  type Calendar,
  CalendarError,
  type CalendarIssue,
  compileCalendar,
  type OpenInterval,
} from "./calendar";
export { WEEKDAYS, type Weekday } from "./civil";
export {
  type ComputeSlaInput,
  computeSla,
  DEFAULT_WARNING_RATIO,
  nextSlaTransition,
  type SlaFacts,
  type SlaResult,
  type SlaState,
  type SlaTargetStatus,
} from "./compute-sla";
export { MAX_CLOSED_DAYS, NoOpenTimeError } from "./open-intervals";
export type { SlaPause } from "./pauses";
export { type PolicySubject, type SlaPolicy, selectPolicy } from "./policy";
