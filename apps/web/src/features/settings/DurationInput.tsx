import { Group, NumberInput, Select } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { DURATION_UNITS, type DurationUnit, joinDuration, splitDuration } from "./duration";

interface DurationInputProps {
  label: string;
  description?: string;
  /** Seconds, or null for "not set". */
  value: number | null;
  onChange: (seconds: number | null) => void;
  error?: string | undefined;
  disabled?: boolean;
  placeholder?: string;
}

/** An amount and a unit (minutes, hours, days) for a number of seconds; empty is null. */
export function DurationInput({
  label,
  description,
  value,
  onChange,
  error,
  disabled,
  placeholder,
}: DurationInputProps) {
  const [unit, setUnit] = useState<DurationUnit>(() => (value ? splitDuration(value).unit : "h"));
  const emitted = useRef(value);
  // A value set from outside (a reset, another policy) brings its own best unit; one typed here keeps the unit.
  useEffect(() => {
    if (value && value !== emitted.current) setUnit(splitDuration(value).unit);
    emitted.current = value;
  }, [value]);
  const emit = (seconds: number | null) => {
    emitted.current = seconds;
    onChange(seconds);
  };
  const amount = value ? value / joinDuration(1, unit) : "";
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <NumberInput
        label={label}
        description={description}
        value={amount}
        min={0}
        decimalScale={2}
        placeholder={placeholder ?? "None"}
        onChange={(v) => emit(typeof v === "number" && v > 0 ? joinDuration(v, unit) : null)}
        error={error}
        disabled={disabled}
        style={{ flex: 1 }}
      />
      <Select
        aria-label={`${label} unit`}
        label=" "
        description={description ? " " : undefined}
        data={DURATION_UNITS.map((u) => ({ value: u.value, label: u.label }))}
        value={unit}
        allowDeselect={false}
        onChange={(u) => {
          if (!u) return;
          const next = u as DurationUnit;
          setUnit(next);
          if (typeof amount === "number") emit(joinDuration(amount, next));
        }}
        disabled={disabled}
        w={110}
      />
    </Group>
  );
}
