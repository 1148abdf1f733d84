import { Modal, Select, Text } from "@mantine/core";
import { useMemo } from "react";
import { useCan, useCurrentMe } from "../../../app/auth";
import { useUsers } from "../queries";

const NOBODY = "__unassigned";

interface AssignPickerProps {
  /** How many conversations the choice applies to; 0 closes the picker. */
  count: number;
  onClose: () => void;
  onPick: (assigneeId: string | null) => void;
}

/**
 * The "a" picker: type to filter, Enter assigns. Agents may only take a conversation or let it go;
 * leads (conversations:assign) may assign anyone.
 */
export function AssignPicker({ count, onClose, onPick }: AssignPickerProps) {
  const me = useCurrentMe();
  const canAssignAnyone = useCan("conversations:assign");
  const users = useUsers();
  const data = useMemo(() => {
    const meId = me.user?.id;
    const people = (users.data?.items ?? [])
      .filter((u) => u.role !== "analyst" && (canAssignAnyone || u.id === meId))
      .map((u) => ({ value: u.id, label: u.id === meId ? `${u.name} (me)` : u.name }));
    const mine = people.filter((p) => p.value === meId);
    const others = people.filter((p) => p.value !== meId).sort((a, b) => a.label.localeCompare(b.label));
    return [...mine, { value: NOBODY, label: "Unassigned" }, ...others];
  }, [users.data, me.user, canAssignAnyone]);

  return (
    <Modal
      opened={count > 0}
      onClose={onClose}
      title={count === 1 ? "Assign conversation" : `Assign ${count} conversations`}
      size="sm"
      yOffset="12vh"
      centered={false}
    >
      <Select
        data-autofocus
        label="Assignee"
        placeholder="Type a name"
        searchable
        defaultDropdownOpened
        data={data}
        nothingFoundMessage="Nobody by that name"
        comboboxProps={{ zIndex: 1000 }}
        maxDropdownHeight={260}
        onChange={(value) => {
          if (value) onPick(value === NOBODY ? null : value);
        }}
      />
      {!canAssignAnyone ? (
        <Text size="xs" c="dimmed" mt="xs">
          Your role may take conversations or release them; a team lead assigns to others.
        </Text>
      ) : null}
    </Modal>
  );
}
