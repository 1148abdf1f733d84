import { Alert, Button, Drawer, Group, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import type { ActionOptions } from "./ActionRows";
import type { Names } from "./action-catalog";
import { DryRunPanel } from "./DryRunPanel";
import { type Rule, useDeleteRule, useSaveRule } from "./queries";
import { Block, FormView } from "./RuleFormView";
import {
  documentToForm,
  EMPTY_RULE,
  formToDocument,
  parseRuleJson,
  type RuleDocument,
  type RuleForm,
  ruleToJson,
} from "./rule-form";
import { NO_ISSUES, type RuleIssues, sortIssues } from "./rule-issues";

interface RuleEditorProps {
  /** The rule to edit, or null for a new one. */
  rule: Rule | null;
  onClose: () => void;
  names: Names;
  options: ActionOptions;
  canManage: boolean;
}

function documentOf(rule: Rule | null): RuleDocument {
  if (!rule) return EMPTY_RULE;
  const { id: _id, position: _p, created_at: _c, updated_at: _u, ...doc } = rule;
  return doc;
}

/** Create or change one rule: a structured form, the whole document as JSON, and a dry run. */
export function RuleEditor({ rule, onClose, names, options, canManage }: RuleEditorProps) {
  const initial = documentOf(rule);
  const [form, setForm] = useState<RuleForm | null>(() => documentToForm(initial));
  const [mode, setMode] = useState<"form" | "json">(form ? "form" : "json");
  const [json, setJson] = useState(() => ruleToJson(initial));
  const [issues, setIssues] = useState<RuleIssues>(NO_ISSUES);
  const [notice, setNotice] = useState<string | null>(
    form ? null : "These conditions nest groups, which only the JSON view can edit.",
  );
  const save = useSaveRule();
  const remove = useDeleteRule();

  const parsed = mode === "json" ? parseRuleJson(json) : null;
  const draft: RuleDocument | null =
    mode === "form" && form ? formToDocument(form) : parsed && "doc" in parsed ? parsed.doc : null;

  const showIssues = (error: ApiError | null) => setIssues(error ? sortIssues(error.errors) : NO_ISSUES);

  const switchMode = (next: "form" | "json") => {
    if (next === mode) return;
    if (next === "json") {
      if (form) setJson(ruleToJson(formToDocument(form)));
      setNotice(null);
      setMode("json");
      return;
    }
    if (!draft) return setNotice("Fix the JSON first: it cannot be read.");
    const asForm = documentToForm(draft);
    if (!asForm)
      return setNotice("These conditions nest groups (or use not), which only the JSON view can edit.");
    setForm(asForm);
    setNotice(null);
    setMode("form");
  };

  const submit = () => {
    if (!draft) return;
    save.mutate(
      { id: rule?.id ?? null, doc: draft },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "teal",
            message: `Rule “${saved.name}” saved; it applies within seconds`,
          });
          onClose();
        },
        onError: (e) => showIssues(e instanceof ApiError ? e : null),
      },
    );
  };

  const del = () => {
    if (!rule) return;
    remove.mutate(rule.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: `Rule “${rule.name}” deleted` });
        onClose();
      },
    });
  };

  const failure = save.error ?? remove.error;
  const unplaced = mode === "form" ? formLevelIssues(issues) : issues.all;
  return (
    <Drawer
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Close" }}
      position="right"
      size={900}
      title={<Text fw={650}>{rule ? (canManage ? "Edit rule" : rule.name) : "New rule"}</Text>}
    >
      <Stack gap="md" pb={72}>
        <Group justify="space-between" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label="Editor view"
            value={mode}
            onChange={(v) => switchMode(v as "form" | "json")}
            data={[
              { value: "form", label: "Form" },
              { value: "json", label: "Advanced (JSON)" },
            ]}
          />
          {notice ? (
            <Text size="xs" c="orange.8">
              {notice}
            </Text>
          ) : null}
        </Group>
        {failure && unplaced.length === 0 ? <ProblemAlert>{errorMessage(failure)}</ProblemAlert> : null}
        {unplaced.length > 0 ? (
          <ProblemAlert>
            {errorMessage(failure)}
            <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
              {unplaced.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </ProblemAlert>
        ) : null}
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          {mode === "form" && form ? (
            <FormView
              form={form}
              onChange={setForm}
              issues={issues}
              options={options}
              readOnly={!canManage}
            />
          ) : (
            <Textarea
              label="Rule document"
              description="The whole rule as the API stores it. Paths in errors (conditions.all[1].op) point into it."
              value={json}
              onChange={(e) => setJson(e.currentTarget.value)}
              autosize
              minRows={16}
              maxRows={32}
              spellCheck={false}
              error={parsed && "error" in parsed ? parsed.error : undefined}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
            />
          )}
        </fieldset>
        {canManage ? (
          <Block title="Dry run">
            <DryRunPanel draft={draft} names={names} onIssues={showIssues} />
          </Block>
        ) : null}
      </Stack>
      {canManage ? (
        <Group
          justify="space-between"
          p="sm"
          style={{
            position: "absolute",
            bottom: 0,
            left: 0,
            right: 0,
            background: "var(--mantine-color-body)",
            borderTop: "1px solid var(--parley-border)",
          }}
        >
          <div>
            {rule ? (
              <Button variant="subtle" color="red" onClick={del} loading={remove.isPending}>
                Delete rule
              </Button>
            ) : null}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!draft}>
              {rule ? "Save rule" : "Create rule"}
            </Button>
          </Group>
        </Group>
      ) : null}
    </Drawer>
  );
}

/** Issues the form has no control for (the whole conditions, an unknown key) go in the alert. */
function formLevelIssues(issues: RuleIssues): string[] {
  const shown = new Set(["name", "trigger", "after_seconds", "clock"]);
  return Object.entries(issues.rule)
    .filter(([key]) => !shown.has(key))
    .map(([key, message]) => (key ? `${key}: ${message}` : message));
}

function ProblemAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} p="xs">
      {children}
    </Alert>
  );
}
