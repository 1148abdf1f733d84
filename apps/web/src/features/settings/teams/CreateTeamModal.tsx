import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { useCreateTeam } from "../queries";

export function CreateTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useCreateTeam();
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const close = () => {
    setName("");
    setDescription("");
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), description: description.trim() },
      {
        onSuccess: (team) => {
          notifications.show({ color: "teal", message: `Team ${team.name} created` });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New team">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {create.isError && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <TextInput
            label="Name"
            placeholder="Billing"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Textarea
            label="Description"
            placeholder="What this team handles"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxRows={5}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
