import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Role } from "@parley/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { ROLE_OPTIONS } from "../../../app/roles";
import { type NewUser, useCreateUser } from "../queries";

const EMPTY: NewUser = { email: "", name: "", password: "", role: "agent" };

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState<NewUser>(EMPTY);
  const create = useCreateUser();
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (patch: Partial<NewUser>) => setForm((prev) => ({ ...prev, ...patch }));

  const close = () => {
    setForm(EMPTY);
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...form, email: form.email.trim(), name: form.name.trim() },
      {
        onSuccess: (user) => {
          notifications.show({ color: "teal", message: `${user.name} can now sign in` });
          close();
        },
      },
    );
  };

  const generalError = create.isError && Object.keys(errors).length === 0;
  return (
    <Modal opened={opened} onClose={close} title="Add a user">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {generalError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <TextInput
            label="Name"
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            required
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            value={form.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={errors.email}
            required
          />
          <PasswordInput
            label="Initial password"
            description="At least 10 characters. Share it privately."
            value={form.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={errors.password}
            autoComplete="new-password"
            required
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={form.role}
            onChange={(value) => value && set({ role: value as Role })}
            error={errors.role}
            allowDeselect={false}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
