import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from "@mantine/core";
import type { EscalateRequest, Team } from "@parley/contracts";
import { useState } from "react";
import { errorMessage, isApiError } from "../../../app/api";
import { notify } from "./notify";
import { useEscalate } from "./queries";

const ROLES = [
  { value: "lead", label: "Team lead" },
  { value: "pr", label: "PR" },
  { value: "legal", label: "Legal" },
];

interface EscalateModalProps {
  conversationId: string;
  teams: Team[];
  opened: boolean;
  onClose: () => void;
}

/** SPEC W4: hand the conversation, with its whole history, to a team or to a lead, PR or legal. */
export function EscalateModal({ conversationId, teams, opened, onClose }: EscalateModalProps) {
  const escalate = useEscalate(conversationId);
  const [kind, setKind] = useState<"team" | "role">("team");
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [phone, setPhone] = useState("");
  const fields = isApiError(escalate.error) ? escalate.error.fieldErrors() : {};

  const submit = () => {
    if (!target || !reason.trim()) return;
    const body: EscalateRequest = {
      to: kind === "team" ? { team_id: target } : { role: target as "lead" | "pr" | "legal" },
      reason: reason.trim(),
    };
    if (phone.trim()) body.callback = { phone: phone.trim() };
    escalate.mutate(body, {
      onSuccess: () => {
        notify({ color: "grape", message: "Escalated with the whole history" });
        setReason("");
        setPhone("");
        onClose();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Escalate conversation">
      <Stack gap="sm">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => {
            setKind(v as "team" | "role");
            setTarget(null);
          }}
          data={[
            { value: "team", label: "To a team" },
            { value: "role", label: "To a lead, PR or legal" },
          ]}
          aria-label="Escalate to"
        />
        <Select
          label={kind === "team" ? "Team" : "Role"}
          placeholder="Choose…"
          data={kind === "team" ? teams.map((t) => ({ value: t.id, label: t.name })) : ROLES}
          value={target}
          onChange={setTarget}
          searchable
          required
          error={fields.to ?? fields.team_id}
        />
        <Textarea
          label="Reason"
          description="They see this with the conversation"
          autosize
          minRows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fields.reason}
        />
        <TextInput
          label="Callback number (optional)"
          description="The customer asked to be called back"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={fields.phone}
        />
        {escalate.error && Object.keys(fields).length === 0 ? (
          <div role="alert" style={{ color: "var(--mantine-color-red-7)", fontSize: 12 }}>
            {errorMessage(escalate.error)}
          </div>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="grape"
            onClick={submit}
            loading={escalate.isPending}
            disabled={!target || !reason.trim()}
          >
            Escalate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
