import { Checkbox, Group, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { CLOCK_FIELDS } from "@parley/rules";
import type { ReactNode } from "react";
import { DurationInput } from "../DurationInput";
import { type ActionOptions, ActionRows } from "./ActionRows";
import { ConditionRows } from "./ConditionRows";
import type { RuleForm, Trigger } from "./rule-form";
import type { RuleIssues } from "./rule-issues";

const TRIGGER_OPTIONS: { value: Trigger; label: string }[] = [
  { value: "message_received", label: "A customer message arrives" },
  { value: "conversation_updated", label: "A conversation changes" },
  { value: "time_elapsed", label: "Time passes (a timer)" },
];

const CLOCK_LABELS: Record<(typeof CLOCK_FIELDS)[number], string> = {
  "conversation.waiting_seconds": "without an agent reply",
  "conversation.age_seconds": "since it opened",
  "conversation.idle_seconds": "without any activity",
};

export function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Text size="xs" fw={650} tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: 0.4 }}>
        {title}
      </Text>
      {children}
    </section>
  );
}

export interface FormViewProps {
  form: RuleForm;
  onChange: (form: RuleForm) => void;
  issues: RuleIssues;
  options: ActionOptions;
  readOnly: boolean;
}

/** The structured editor: when, if (all/any rows), then (actions). */
export function FormView({ form, onChange, issues, options, readOnly }: FormViewProps) {
  const set = (patch: Partial<RuleForm>) => onChange({ ...form, ...patch });
  const idOptions = { "conversation.team_id": options.teams, "conversation.assignee_id": options.users };
  return (
    <Stack gap="lg">
      <Group align="flex-start" gap="md">
        <TextInput
          label="Name"
          placeholder="Refund requests to Billing"
          value={form.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={issues.rule.name}
          required
          style={{ flex: 1 }}
          data-autofocus
        />
        <Switch
          mt={28}
          label="Enabled"
          checked={form.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
      </Group>
      <Block title="When">
        <Group align="flex-start" gap="sm">
          <Select
            aria-label="Trigger"
            data={TRIGGER_OPTIONS}
            value={form.trigger}
            onChange={(t) =>
              t &&
              set({
                trigger: t as Trigger,
                after_seconds: t === "time_elapsed" ? (form.after_seconds ?? 1800) : null,
              })
            }
            allowDeselect={false}
            error={issues.rule.trigger}
            w={260}
          />
          {form.trigger === "time_elapsed" ? (
            <>
              <DurationInput
                label="After"
                value={form.after_seconds}
                onChange={(s) => set({ after_seconds: s })}
                error={issues.rule.after_seconds}
              />
              <Select
                label="Counting"
                data={CLOCK_FIELDS.map((c) => ({ value: c, label: CLOCK_LABELS[c] }))}
                value={form.clock ?? "conversation.waiting_seconds"}
                onChange={(c) => set({ clock: (c as RuleForm["clock"]) ?? null })}
                allowDeselect={false}
                error={issues.rule.clock}
                w={240}
              />
            </>
          ) : null}
        </Group>
      </Block>
      <Block title="If">
        <ConditionRows
          match={form.match}
          rows={form.conditions}
          onChange={(match, conditions) => set({ match, conditions })}
          issues={issues.conditions}
          idOptions={idOptions}
          readOnly={readOnly}
        />
      </Block>
      <Block title="Then">
        <Stack gap="xs">
          <ActionRows
            actions={form.actions}
            onChange={(actions) => set({ actions })}
            issues={issues.actions}
            options={options}
            readOnly={readOnly}
          />
          <Checkbox
            label="Stop processing: later rules do not run after this one matches"
            checked={form.stop_processing}
            onChange={(e) => set({ stop_processing: e.currentTarget.checked })}
          />
        </Stack>
      </Block>
    </Stack>
  );
}
