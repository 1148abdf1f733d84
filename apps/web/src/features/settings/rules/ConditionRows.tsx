import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { CASE_OPERATORS, type FieldName, type Operator } from "@parley/rules";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { FIELD_OPTIONS, fieldDoc, fieldValues, OPERATOR_LABELS } from "./fields";
import {
  type ConditionRow,
  type MatchMode,
  NEW_ROW,
  operatorsFor,
  valueKind,
  withField,
  withOperator,
} from "./rule-form";
import { type Option, ValueInput } from "./ValueInput";

interface ConditionRowsProps {
  match: MatchMode;
  rows: ConditionRow[];
  onChange: (match: MatchMode, rows: ConditionRow[]) => void;
  issues: Record<number, Record<string, string>>;
  /** Names for id-valued fields: conversation.team_id, conversation.assignee_id. */
  idOptions: Partial<Record<FieldName, Option[]>>;
  readOnly: boolean;
}

/** Field / operator / value rows joined by "all" or "any". */
export function ConditionRows({ match, rows, onChange, issues, idOptions, readOnly }: ConditionRowsProps) {
  const update = (i: number, row: ConditionRow) =>
    onChange(
      match,
      rows.map((r, j) => (j === i ? row : r)),
    );
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm">Match</Text>
        <SegmentedControl
          size="xs"
          aria-label="Match all or any conditions"
          value={match}
          onChange={(v) => onChange(v as MatchMode, rows)}
          data={[
            { value: "all", label: "all" },
            { value: "any", label: "any" },
          ]}
          disabled={readOnly}
        />
        <Text size="sm">of these conditions</Text>
      </Group>
      {rows.length === 0 ? (
        <Text size="xs" c="dimmed">
          {match === "all"
            ? "No conditions: the rule applies to every message."
            : "Add at least one condition."}
        </Text>
      ) : null}
      {rows.map((row, i) => (
        <Row
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
          key={i}
          index={i}
          row={row}
          onChange={(r) => update(i, r)}
          onRemove={() =>
            onChange(
              match,
              rows.filter((_, j) => j !== i),
            )
          }
          issues={issues[i] ?? {}}
          idOptions={idOptions}
          readOnly={readOnly}
        />
      ))}
      {readOnly ? null : (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange(match, [...rows, NEW_ROW])}
          >
            Add condition
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface RowProps {
  index: number;
  row: ConditionRow;
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
  issues: Record<string, string>;
  idOptions: Partial<Record<FieldName, Option[]>>;
  readOnly: boolean;
}

function Row({ index, row, onChange, onRemove, issues, idOptions, readOnly }: RowProps) {
  const n = index + 1;
  const kind = valueKind(row.field, row.op);
  const options: Option[] = row.field
    ? (idOptions[row.field] ?? fieldValues(row.field).map((v) => ({ value: v, label: v })))
    : [];
  const rowError = issues[""];
  return (
    <div>
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Tooltip label={fieldDoc(row.field)} disabled={!row.field} openDelay={400} withinPortal>
          <Select
            size="xs"
            aria-label={`Condition ${n} field`}
            data={FIELD_OPTIONS}
            value={row.field || null}
            onChange={(f) => f && onChange(withField(row, f as FieldName))}
            searchable
            allowDeselect={false}
            error={issues.field}
            w={230}
            readOnly={readOnly}
          />
        </Tooltip>
        <Select
          size="xs"
          aria-label={`Condition ${n} operator`}
          data={operatorsFor(row.field).map((op) => ({ value: op, label: OPERATOR_LABELS[op] }))}
          value={row.op || null}
          onChange={(op) => op && onChange(withOperator(row, op as Operator))}
          allowDeselect={false}
          error={issues.op}
          w={150}
          readOnly={readOnly}
        />
        <ValueInput
          kind={kind}
          value={row.value}
          onChange={(value) => onChange({ ...row, value })}
          label={`Condition ${n} value`}
          error={issues.value}
          options={options}
        />
        {row.op && CASE_OPERATORS.has(row.op) && kind !== "enum" && kind !== "enums" ? (
          <Tooltip label="Match case exactly" withinPortal>
            <Checkbox
              mt={6}
              size="xs"
              label="Aa"
              aria-label={`Condition ${n} case sensitive`}
              checked={row.case_sensitive}
              onChange={(e) => onChange({ ...row, case_sensitive: e.currentTarget.checked })}
              disabled={readOnly}
            />
          </Tooltip>
        ) : null}
        {readOnly ? null : (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove condition ${n}`}
            onClick={onRemove}
            mt={2}
          >
            <IconTrash size={15} />
          </ActionIcon>
        )}
      </Group>
      {rowError ? (
        <Text size="xs" c="red" mt={2}>
          {rowError}
        </Text>
      ) : null}
    </div>
  );
}
