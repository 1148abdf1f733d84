import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Input,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Channel, SurveySettings } from "@parley/contracts";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { CHANNEL_META, ChannelIcon } from "../../../ui/channels";
import { useWorkspace } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { QuestionCard } from "./QuestionCard";
import { useSaveSurveySettings, useSurveySettings } from "./queries";
import { isDirty, plural, SURVEY_CHANNELS, sampleValues, surveyFieldErrors } from "./survey-form";
import classes from "./surveys.module.css";

function SurveyForm({ saved, editable }: { saved: SurveySettings; editable: boolean }) {
  const [draft, setDraft] = useState(saved);
  const save = useSaveSurveySettings();
  const workspace = useWorkspace();
  const values = sampleValues(workspace.data?.name);
  const errors = save.error instanceof ApiError ? surveyFieldErrors(save.error.errors) : {};
  const dirty = isDirty(draft, saved);
  const set = (patch: Partial<SurveySettings>) => setDraft((d) => ({ ...d, ...patch }));
  const number = (v: string | number, fallback: number) => (typeof v === "number" ? v : fallback);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: (next) => {
        setDraft(next);
        notifications.show({ color: "teal", message: "Survey settings saved" });
      },
    });
  };

  const on = draft.csat.enabled || draft.nps.enabled;
  const summary = !on
    ? "Surveys are off: no customer is asked anything."
    : `${[draft.csat.enabled && "CSAT", draft.nps.enabled && "NPS"].filter(Boolean).join(" and ")} ${
        draft.delay_minutes === 0 ? "right after" : `${plural(draft.delay_minutes, "minute")} after`
      } an agent resolves a conversation; answers accepted for ${plural(draft.expiry_hours, "hour")}; each customer asked at most once every ${plural(Math.max(draft.cooldown_days, 1), "day")}.`;
  const generalError = save.isError && Object.keys(errors).length === 0 ? errorMessage(save.error) : null;

  return (
    <form onSubmit={submit}>
      <Stack gap="lg" p="lg">
        {generalError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {generalError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <QuestionCard
            title="CSAT"
            scale="1–5"
            description="How satisfied the customer is with this conversation. 4 and 5 count as satisfied."
            enabled={draft.csat.enabled}
            question={draft.csat.question}
            values={values}
            error={errors["csat.question"]}
            editable={editable}
            onChange={(c) => set({ csat: { ...draft.csat, ...c } })}
          />
          <QuestionCard
            title="NPS"
            scale="0–10"
            description="How likely they are to recommend the brand. 9–10 promoters, 0–6 detractors."
            enabled={draft.nps.enabled}
            question={draft.nps.question}
            values={values}
            error={errors["nps.question"]}
            editable={editable}
            onChange={(c) => set({ nps: { ...draft.nps, ...c } })}
          />
        </SimpleGrid>
        {draft.csat.enabled && draft.nps.enabled ? (
          <Text size="xs" c="dimmed" mt={-8}>
            With both on, each resolution asks one question: the kind this customer was asked least recently.
          </Text>
        ) : null}

        <Divider color="var(--parley-border)" />

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="md">
            <Input.Wrapper
              label="Channels"
              description="Conversations on these channels are surveyed, in the same channel."
              error={errors.channels}
            >
              <Checkbox.Group
                value={draft.channels}
                onChange={(v) => set({ channels: v as Channel[] })}
                mt={8}
              >
                <SimpleGrid cols={2} spacing={8}>
                  {SURVEY_CHANNELS.map((c) => (
                    <Checkbox
                      key={c}
                      value={c}
                      disabled={!editable}
                      label={
                        <span className={classes.channel}>
                          <ChannelIcon channel={c} size={20} decorative />
                          {CHANNEL_META[c].label}
                        </span>
                      }
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Input.Wrapper>
            <Switch
              label="Ask in public when there is no private channel"
              description="Otherwise a conversation that never went to DMs, Messenger or WhatsApp is not surveyed."
              checked={draft.allow_public}
              onChange={(e) => set({ allow_public: e.currentTarget.checked })}
              disabled={!editable}
              error={errors.allow_public}
            />
          </Stack>
          <Stack gap="md">
            <NumberInput
              label="Delay after resolution"
              description="The conversation must still be resolved then."
              value={draft.delay_minutes}
              onChange={(v) => set({ delay_minutes: number(v, 0) })}
              min={0}
              max={1440}
              rightSection={
                <Text size="xs" c="dimmed">
                  min
                </Text>
              }
              rightSectionWidth={44}
              readOnly={!editable}
              error={errors.delay_minutes}
              maw={260}
            />
            <NumberInput
              label="Accept answers for"
              description="Up to 7 days; later replies are ordinary messages."
              value={draft.expiry_hours}
              onChange={(v) => set({ expiry_hours: number(v, 1) })}
              min={1}
              max={168}
              rightSection={
                <Text size="xs" c="dimmed">
                  hours
                </Text>
              }
              rightSectionWidth={52}
              readOnly={!editable}
              error={errors.expiry_hours}
              maw={260}
            />
            <NumberInput
              label="Ask a customer at most once every"
              description="Across both kinds; 0 asks after every resolution."
              value={draft.cooldown_days}
              onChange={(v) => set({ cooldown_days: number(v, 0) })}
              min={0}
              max={365}
              rightSection={
                <Text size="xs" c="dimmed">
                  days
                </Text>
              }
              rightSectionWidth={48}
              readOnly={!editable}
              error={errors.cooldown_days}
              maw={260}
            />
          </Stack>
        </SimpleGrid>
      </Stack>
      <Group justify="space-between" px="lg" py="sm" className={classes.footer} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {summary}
        </Text>
        {editable ? (
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setDraft(saved);
                save.reset();
              }}
            >
              Discard
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save changes
            </Button>
          </Group>
        ) : (
          <Group gap={6} wrap="nowrap">
            <IconLock size={14} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="xs" c="dimmed">
              Only admins can change survey settings.
            </Text>
          </Group>
        )}
      </Group>
    </form>
  );
}

export function SurveysTab() {
  const settings = useSurveySettings();
  const editable = useCan("workspace:manage");
  return (
    <SettingsSection
      title="Satisfaction surveys"
      description="CSAT and NPS questions sent in the conversation's own channel after an agent resolves it."
    >
      {settings.data ? (
        <SurveyForm saved={settings.data} editable={editable} />
      ) : settings.isError ? (
        <Alert m="lg" color="red" variant="light" icon={<IconAlertCircle size={16} />}>
          {errorMessage(settings.error)}
        </Alert>
      ) : (
        <Loader m="lg" size="sm" aria-label="Loading survey settings" />
      )}
    </SettingsSection>
  );
}
