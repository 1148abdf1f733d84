import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconCopy, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { parseIssuePath } from "../rules/rule-issues";
import { type BusinessHours, type BusinessHoursInput, useSaveBusinessHours } from "./queries";
import {
  addHoliday,
  addInterval,
  copyToWeekdays,
  DAY_LABELS,
  DAYS,
  type Day,
  dayProblem,
  removeHoliday,
  removeInterval,
  setDayOpen,
  setIntervalTime,
} from "./schedule";

function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes(current) ? all : [current, ...all];
}

/** Server field errors by the part they name: "name", "timezone", "weekly.mon", "holidays". */
function issuesOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const { field, message } of error.errors) {
    const [head, second] = parseIssuePath(field);
    const key = head === "weekly" && typeof second === "string" ? `weekly.${second}` : String(head ?? "");
    out[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out;
}

interface Props {
  calendar: BusinessHours | null;
  defaultTimezone: string;
  onClose: () => void;
}

export function BusinessHoursModal({ calendar, defaultTimezone, onClose }: Props) {
  const [draft, setDraft] = useState<BusinessHoursInput>(
    calendar ?? {
      name: "",
      timezone: defaultTimezone,
      always_open: false,
      weekly: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [["09:00", "17:00"]],
        thu: [["09:00", "17:00"]],
        fri: [["09:00", "17:00"]],
      },
      holidays: [],
    },
  );
  const [holiday, setHoliday] = useState("");
  const timezones = useMemo(() => zones(draft.timezone), [draft.timezone]);
  const save = useSaveBusinessHours();
  const issues = issuesOf(save.error);
  const set = (patch: Partial<BusinessHoursInput>) => setDraft((d) => ({ ...d, ...patch }));
  const problems = DAYS.map((day) => dayProblem(draft.weekly[day] ?? []));

  const submit = () =>
    save.mutate(
      { id: calendar?.id ?? null, body: { ...draft, name: draft.name.trim() } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "teal", message: `Business hours “${saved.name}” saved` });
          onClose();
        },
      },
    );

  return (
    <Modal
      opened
      closeButtonProps={{ "aria-label": "Close" }}
      onClose={onClose}
      title={calendar ? "Edit business hours" : "New business hours"}
      size={640}
    >
      <Stack gap="sm">
        {save.isError && Object.keys(issues).length === 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            placeholder="Support hours (UK)"
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={issues.name}
            required
            data-autofocus
          />
          <Select
            label="Time zone"
            data={timezones}
            value={draft.timezone}
            onChange={(tz) => tz && set({ timezone: tz })}
            searchable
            allowDeselect={false}
            error={issues.timezone}
          />
        </Group>
        <Switch
          label="Open 24/7 (every hour counts; the schedule and holidays are ignored)"
          checked={draft.always_open}
          onChange={(e) => set({ always_open: e.currentTarget.checked })}
        />
        {draft.always_open ? null : (
          <>
            <Text size="sm" fw={600} mt="xs">
              Weekly schedule
            </Text>
            <Stack gap={4}>
              {DAYS.map((day, i) => (
                <DayRow
                  key={day}
                  day={day}
                  draft={draft}
                  set={set}
                  error={issues[`weekly.${day}`] ?? problems[i] ?? undefined}
                />
              ))}
            </Stack>
            <Text size="sm" fw={600} mt="xs">
              Holidays
            </Text>
            <Group gap="xs" align="flex-end">
              <TextInput
                type="date"
                label="Closed on"
                value={holiday}
                onChange={(e) => setHoliday(e.currentTarget.value)}
                w={180}
              />
              <Button
                variant="default"
                disabled={!holiday}
                onClick={() => {
                  set({ holidays: addHoliday(draft.holidays, holiday) });
                  setHoliday("");
                }}
              >
                Add holiday
              </Button>
            </Group>
            {issues.holidays ? (
              <Text size="xs" c="red">
                {issues.holidays}
              </Text>
            ) : null}
            <Group gap={6}>
              {draft.holidays.length === 0 ? (
                <Text size="xs" c="dimmed">
                  No holidays.
                </Text>
              ) : null}
              {draft.holidays.map((d) => (
                <Badge
                  key={d}
                  variant="default"
                  tt="none"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={`Remove holiday ${d}`}
                      onClick={() => set({ holidays: removeHoliday(draft.holidays, d) })}
                    />
                  }
                >
                  {d}
                </Badge>
              ))}
            </Group>
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={!draft.name.trim() || problems.some(Boolean)}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface DayRowProps {
  day: Day;
  draft: BusinessHoursInput;
  set: (patch: Partial<BusinessHoursInput>) => void;
  error: string | undefined;
}

function DayRow({ day, draft, set, error }: DayRowProps) {
  const intervals = draft.weekly[day] ?? [];
  const label = DAY_LABELS[day];
  const weekly = draft.weekly;
  return (
    <div>
      <Group gap="xs" wrap="nowrap" align="center" mih={32}>
        <Switch
          size="xs"
          w={120}
          label={label}
          checked={intervals.length > 0}
          onChange={(e) => set({ weekly: setDayOpen(weekly, day, e.currentTarget.checked) })}
        />
        {intervals.length === 0 ? (
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            Closed
          </Text>
        ) : (
          <Group gap={6} style={{ flex: 1 }}>
            {intervals.map(([start, end], i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity beyond their place
              <Group key={i} gap={2} wrap="nowrap">
                <TextInput
                  size="xs"
                  aria-label={`${label} interval ${i + 1} opens`}
                  value={start}
                  placeholder="09:00"
                  onChange={(e) => set({ weekly: setIntervalTime(weekly, day, i, 0, e.currentTarget.value) })}
                  w={64}
                />
                <Text size="xs">–</Text>
                <TextInput
                  size="xs"
                  aria-label={`${label} interval ${i + 1} closes`}
                  value={end}
                  placeholder="17:00"
                  onChange={(e) => set({ weekly: setIntervalTime(weekly, day, i, 1, e.currentTarget.value) })}
                  w={64}
                />
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${label} interval ${i + 1}`}
                  onClick={() => set({ weekly: removeInterval(weekly, day, i) })}
                >
                  <IconTrash size={13} />
                </ActionIcon>
              </Group>
            ))}
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={`Add ${label} interval`}
              onClick={() => set({ weekly: addInterval(weekly, day) })}
            >
              <IconPlus size={14} />
            </ActionIcon>
          </Group>
        )}
        <Tooltip label="Copy to Monday–Friday" withinPortal>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={`Copy ${label} to weekdays`}
            onClick={() => set({ weekly: copyToWeekdays(weekly, day) })}
          >
            <IconCopy size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {error ? (
        <Text size="xs" c="red" ml={128}>
          {error}
        </Text>
      ) : null}
    </div>
  );
}
