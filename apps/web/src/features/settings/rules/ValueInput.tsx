import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from "@mantine/core";
import type { ValueKind } from "./rule-form";

export interface Option {
  value: string;
  label: string;
}

interface ValueInputProps {
  kind: ValueKind;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  error?: string | undefined;
  /** Closed set of values (an enum field), or names for ids (teams, users). */
  options: Option[];
}

const asStrings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []).map(String);

/** The value part of a condition row, shaped by the field's type and the operator. */
export function ValueInput({ kind, value, onChange, label, error, options }: ValueInputProps) {
  const common = { "aria-label": label, error, size: "xs" as const, style: { flex: 1, minWidth: 0 } };
  switch (kind) {
    case "none":
      return <div style={{ flex: 1 }} />;
    case "boolean":
      return (
        <Select
          {...common}
          data={[
            { value: "true", label: "true" },
            { value: "false", label: "false" },
          ]}
          value={value === false ? "false" : "true"}
          allowDeselect={false}
          onChange={(v) => onChange(v === "true")}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : 0)}
        />
      );
    case "range": {
      const [min, max] = Array.isArray(value) ? (value as number[]) : [0, 0];
      return (
        <Group gap={4} wrap="nowrap" style={{ flex: 1 }}>
          <NumberInput
            {...common}
            aria-label={`${label} from`}
            value={min}
            onChange={(v) => onChange([Number(v) || 0, max])}
          />
          <NumberInput
            {...common}
            aria-label={`${label} to`}
            value={max}
            onChange={(v) => onChange([min, Number(v) || 0])}
          />
        </Group>
      );
    }
    case "numbers":
      return (
        <TagsInput
          {...common}
          placeholder="Type a number, Enter"
          value={asStrings(value)}
          onChange={(vs) => onChange(vs.map(Number).filter((n) => Number.isFinite(n)))}
        />
      );
    case "enum":
    case "enums":
      return <Choice kind={kind} common={common} value={value} onChange={onChange} options={options} />;
    case "texts":
      return options.length > 0 ? (
        <Choice kind="enums" common={common} value={value} onChange={onChange} options={options} />
      ) : (
        <TagsInput {...common} placeholder="Type, Enter" value={asStrings(value)} onChange={onChange} />
      );
    case "needles":
      // One word stays a string, several become a list ("contains any of these").
      return (
        <TagsInput
          {...common}
          placeholder="Words or phrases, Enter"
          value={asStrings(value)}
          onChange={(vs) => onChange(vs.length === 1 ? vs[0] : vs)}
        />
      );
    default:
      return options.length > 0 ? (
        <Choice kind="enum" common={common} value={value} onChange={onChange} options={options} />
      ) : (
        <TextInput
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

function Choice({
  kind,
  common,
  value,
  onChange,
  options,
}: {
  kind: "enum" | "enums";
  common: Record<string, unknown>;
  value: unknown;
  onChange: (v: unknown) => void;
  options: Option[];
}) {
  if (kind === "enums")
    return <MultiSelect {...common} data={options} value={asStrings(value)} onChange={onChange} searchable />;
  return (
    <Select
      {...common}
      data={options}
      value={typeof value === "string" ? value : null}
      onChange={(v) => onChange(v ?? "")}
      searchable
    />
  );
}
