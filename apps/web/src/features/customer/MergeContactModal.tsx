import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { Contact } from "@parley/contracts";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../app/api";
import { ChannelIcon } from "../../ui/channels";
import { UserAvatar } from "../../ui/UserAvatar";
import { notify } from "../inbox/conversation/notify";
import classes from "./customer.module.css";
import { useContactSearch, useLinkIdentity, useMergeContact } from "./queries";

interface MergeContactModalProps {
  contactId: string;
  contactName: string;
  opened: boolean;
  onClose: () => void;
}

/** Find another contact, then merge all of it into this one or move one of its identities here. */
export function MergeContactModal({ contactId, contactName, opened, onClose }: MergeContactModalProps) {
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 200);
  const search = useContactSearch(debounced);
  const [other, setOther] = useState<Contact | null>(null);
  const [what, setWhat] = useState<string>("merge");
  const merge = useMergeContact(contactId);
  const link = useLinkIdentity(contactId);
  const pending = merge.isPending || link.isPending;
  const error = merge.error ?? link.error;
  const results = (search.data?.items ?? []).filter((c) => c.id !== contactId);

  const close = () => {
    setOther(null);
    setQ("");
    setWhat("merge");
    merge.reset();
    link.reset();
    onClose();
  };
  const confirm = () => {
    if (!other) return;
    const done = (message: string) => () => {
      notify({ color: "teal", message });
      close();
    };
    if (what === "merge")
      merge.mutate(other.id, { onSuccess: done(`${other.display_name} merged into ${contactName}`) });
    else link.mutate(what, { onSuccess: done(`Identity linked to ${contactName}`) });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={other ? "Confirm" : `Link or merge into ${contactName}`}
      size="md"
    >
      {other ? (
        <Stack gap="sm">
          <Radio.Group value={what} onChange={setWhat} label={`What should move from ${other.display_name}?`}>
            <Stack gap={6} mt={6}>
              <Radio
                value="merge"
                label={`The whole contact: its ${other.identities.length} identities and every conversation`}
              />
              {other.identities.map((i) => (
                <Radio
                  key={i.id}
                  value={i.id}
                  label={`Only ${i.handle ? `@${i.handle.replace(/^@/, "")}` : (i.display_name ?? i.external_id)} on ${i.network}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Alert color="orange" variant="light">
            {what === "merge"
              ? `${other.display_name} stops existing; its history becomes ${contactName}'s. This is audited and cannot be undone here.`
              : `That identity and its conversations move to ${contactName}. You can unlink it again later.`}
          </Alert>
          {error ? (
            <Text size="xs" c="red.7" role="alert">
              {errorMessage(error)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOther(null)}>
              Back
            </Button>
            <Button color="orange" onClick={confirm} loading={pending}>
              {what === "merge" ? "Merge contact" : "Link identity"}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <TextInput
            label="Find a contact"
            placeholder="Name, handle, email or phone"
            leftSection={<IconSearch size={14} aria-hidden />}
            rightSection={search.isFetching ? <Loader size={12} /> : null}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-autofocus
          />
          {debounced.trim().length >= 2 && !search.isFetching && results.length === 0 ? (
            <Text size="xs" c="dimmed">
              No other contact matches “{debounced}”.
            </Text>
          ) : null}
          <Stack gap={2}>
            {results.map((c) => (
              <UnstyledButton key={c.id} className={classes.result} onClick={() => setOther(c)}>
                <UserAvatar name={c.display_name} size={24} />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={600} truncate>
                    {c.display_name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[c.handle ? `@${c.handle.replace(/^@/, "")}` : null, c.email]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </div>
                <Group gap={2} wrap="nowrap">
                  {c.identities.map((i) => (
                    <ChannelIcon key={i.id} channel={i.network} size={18} />
                  ))}
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </Stack>
      )}
    </Modal>
  );
}
