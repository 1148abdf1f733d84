import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ListeningKind, ListeningProfile } from "@parley/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { KIND_OPTIONS } from "./kinds";
import { type ProfileInput, useSaveProfile } from "./queries";

const EMPTY: ProfileInput = {
  name: "",
  kind: "brand",
  include: [],
  require_any: [],
  exclude: [],
  languages: [],
  locations: [],
  enabled: true,
};

const fromProfile = (p: ListeningProfile): ProfileInput => ({
  name: p.name,
  kind: p.kind,
  include: p.include,
  require_any: p.require_any,
  exclude: p.exclude,
  languages: p.languages,
  locations: p.locations,
  enabled: p.enabled,
});

interface ProfileModalProps {
  opened: boolean;
  /** The profile to edit; none to create one. */
  profile: ListeningProfile | null;
  onClose: () => void;
}

/** Create or edit a listening profile: each list is typed as tags (Enter or comma between phrases). */
export function ProfileModal({ opened, profile, onClose }: ProfileModalProps) {
  const [form, setForm] = useState<ProfileInput>(EMPTY);
  const save = useSaveProfile();
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set =
    <K extends keyof ProfileInput>(key: K) =>
    (value: ProfileInput[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    if (opened) setForm(profile ? fromProfile(profile) : EMPTY);
  }, [opened, profile]);

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...(profile ? { id: profile.id } : {}), input: { ...form, name: form.name.trim() } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "teal",
            message: `Profile ${saved.name} ${profile ? "saved" : "created"}`,
          });
          close();
        },
      },
    );
  };

  const tags = (key: "include" | "require_any" | "exclude" | "languages" | "locations") => ({
    value: form[key],
    onChange: set(key),
    // A phrase's error names its index (body.include.3): show it under its list.
    error:
      save.error instanceof ApiError
        ? save.error.errors.find((e) => e.field === `body.${key}` || e.field.startsWith(`body.${key}.`))
            ?.message
        : undefined,
    splitChars: [",", ";"],
    clearable: true,
    maxTags: 200,
    acceptValueOnBlur: true,
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={profile ? "Edit listening profile" : "New listening profile"}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {save.isError && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label="Name"
              placeholder="Switching providers"
              value={form.name}
              onChange={(e) => set("name")(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            <Select
              label="Kind"
              data={KIND_OPTIONS}
              value={form.kind}
              onChange={(v) => v && set("kind")(v as ListeningKind)}
              allowDeselect={false}
              error={errors.kind}
            />
          </SimpleGrid>
          <TagsInput
            label="Listen for"
            description="Phrases, matched as whole words in any case; end a word with * for any ending (cancel*)."
            placeholder="going to switch providers"
            required
            {...tags("include")}
          />
          <TagsInput
            label="Must also mention"
            description="At least one of these must appear too, e.g. your brand words for care phrases. Empty: none needed."
            placeholder="acme"
            {...tags("require_any")}
          />
          <TagsInput
            label="Exclude"
            description="Skip messages with any of these."
            placeholder="giveaway"
            {...tags("exclude")}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TagsInput
              label="Languages"
              description="Codes such as en, es. Empty: any."
              placeholder="en"
              {...tags("languages")}
            />
            <TagsInput
              label="Locations"
              description="Author locations. Empty: anywhere."
              placeholder="London"
              {...tags("locations")}
            />
          </SimpleGrid>
          <Switch
            label="Enabled"
            checked={form.enabled}
            onChange={(e) => set("enabled")(e.currentTarget.checked)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!form.name.trim() || form.include.length === 0}
            >
              {profile ? "Save profile" : "Create profile"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
