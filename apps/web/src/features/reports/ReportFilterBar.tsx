import "@mantine/dates/styles.css";
import { Button, Group, Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar, IconX } from "@tabler/icons-react";
import { type ReactNode, useMemo } from "react";
import { CHANNEL_META } from "../../ui/channels";
import { useChannels, useTeams, useUsers } from "../settings/queries";
import { ChannelPicker } from "./ChannelPicker";
import { categoryLabel } from "./chart-options";
import {
  hasNarrowingFilters,
  PERIOD_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  type PeriodRange,
  type ReportFilterState,
} from "./filters";
import classes from "./reports.module.css";

interface ReportFilterBarProps {
  filters: ReportFilterState;
  range: PeriodRange;
  /** The workspace's today, the last day a range can end on. */
  today: string;
  categories: string[];
  onChange: (next: ReportFilterState) => void;
  /** A line under the filters: what the days mean, whether figures are updating. */
  status: ReactNode;
}

const PERIOD_OPTIONS = PERIOD_PRESETS.map((value) => ({ value, label: PERIOD_LABELS[value] }));

/** Period, channel, account, team, agent and category: every change goes to the URL. */
export function ReportFilterBar({
  filters,
  range,
  today,
  categories,
  onChange,
  status,
}: ReportFilterBarProps) {
  const users = useUsers();
  const teams = useTeams();
  const accounts = useChannels();
  const accountOptions = useMemo(
    () =>
      (accounts.data?.items ?? [])
        .map((a) => ({
          value: a.id,
          // "X · @acme_help": the same handle is often the brand's on several networks.
          label: `${CHANNEL_META[a.network].label} · ${a.handle && a.network !== "whatsapp" ? `@${a.handle}` : a.name}`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [accounts.data],
  );
  // Only where the channel filter cannot tell accounts apart: a network with several of the brand's.
  const networks = new Set((accounts.data?.items ?? []).map((a) => a.network));
  const showAccounts = accountOptions.length > networks.size || filters.accountId !== null;
  const agentOptions = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((u) => u.role !== "analyst")
        .map((u) => ({ value: u.id, label: u.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [users.data],
  );
  const teamOptions = useMemo(
    () => (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
    [teams.data],
  );
  const categoryOptions = useMemo(() => {
    const all = new Set(categories);
    if (filters.category) all.add(filters.category);
    return [...all].sort().map((value) => ({ value, label: categoryLabel(value) }));
  }, [categories, filters.category]);

  const set = (patch: Partial<ReportFilterState>) => onChange({ ...filters, ...patch });

  return (
    <div className={classes.toolbar}>
      <Group gap="xs" className={classes.filters} wrap="wrap">
        <Select
          aria-label="Period"
          data={PERIOD_OPTIONS}
          value={filters.period}
          allowDeselect={false}
          w={140}
          onChange={(value) => {
            const period = (value ?? "7d") as PeriodPreset;
            // Custom starts from the range on screen, so the picker opens where the person was.
            if (period === "custom") set({ period, start: range.firstDay, end: range.lastDay });
            else set({ period, start: null, end: null });
          }}
        />
        <DatePickerInput
          type="range"
          aria-label="Date range"
          leftSection={<IconCalendar size={15} stroke={1.7} />}
          value={[range.firstDay, range.lastDay]}
          valueFormat="D MMM YYYY"
          maxDate={today}
          allowSingleDateInRange
          numberOfColumns={2}
          w={214}
          onChange={([start, end]) => {
            if (start && end) set({ period: "custom", start, end });
          }}
        />
        <ChannelPicker value={filters.channels} onChange={(channels) => set({ channels })} w={150} />
        {showAccounts ? (
          <Select
            aria-label="Account"
            placeholder="All accounts"
            data={accountOptions}
            value={filters.accountId}
            onChange={(accountId) => set({ accountId })}
            clearable
            searchable
            comboboxProps={{ width: 220, position: "bottom-start" }}
            w={170}
          />
        ) : null}
        <Select
          aria-label="Team"
          placeholder="All teams"
          data={teamOptions}
          value={filters.teamId}
          onChange={(teamId) => set({ teamId })}
          clearable
          searchable
          w={140}
        />
        <Select
          aria-label="Agent"
          placeholder="All agents"
          data={agentOptions}
          value={filters.agentId}
          onChange={(agentId) => set({ agentId })}
          clearable
          searchable
          w={150}
        />
        <Select
          aria-label="Category"
          placeholder="All categories"
          data={categoryOptions}
          value={filters.category}
          onChange={(category) => set({ category })}
          clearable
          searchable
          nothingFoundMessage="No category in this period"
          w={150}
        />
      </Group>
      <Group justify="space-between" gap="xs" wrap="nowrap" className={classes.periodNote}>
        <Group gap={6} wrap="nowrap">
          {status}
        </Group>
        {hasNarrowingFilters(filters) ? (
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            leftSection={<IconX size={12} />}
            onClick={() =>
              set({ channels: [], accountId: null, teamId: null, agentId: null, category: null })
            }
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
    </div>
  );
}
