import { Badge, Group, Paper, Switch, Text, Textarea, Tooltip, UnstyledButton } from "@mantine/core";
import { useRef } from "react";
import { insertVariable, previewParts } from "../content/template-preview";
import { SURVEY_VARIABLE_SAMPLES } from "./survey-form";
import classes from "./surveys.module.css";

interface QuestionCardProps {
  title: string;
  scale: string;
  description: string;
  enabled: boolean;
  question: string;
  values: ReadonlyMap<string, string>;
  error?: string | undefined;
  editable: boolean;
  onChange: (next: { enabled?: boolean; question?: string }) => void;
}

/** One kind of survey: on/off, the question with its variables, and how the customer will read it. */
export function QuestionCard(props: QuestionCardProps) {
  const { title, scale, description, enabled, question, values, error, editable, onChange } = props;
  const input = useRef<HTMLTextAreaElement>(null);

  const insert = (name: string) => {
    const el = input.current;
    const next = insertVariable(
      question,
      el?.selectionStart ?? question.length,
      el?.selectionEnd ?? question.length,
      name,
    );
    onChange({ question: next.body });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <Paper withBorder radius="md" p="md" className={classes.card} data-off={enabled ? undefined : ""}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div>
          <Group gap={8}>
            <Text fw={650}>{title}</Text>
            <Badge variant="light" color={enabled ? "accent" : "gray"} size="sm" radius="sm">
              {scale}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {description}
          </Text>
        </div>
        <Switch
          checked={enabled}
          onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          disabled={!editable}
          aria-label={`Ask ${title}`}
          size="md"
        />
      </Group>
      <Textarea
        ref={input}
        label="Question"
        value={question}
        onChange={(e) => onChange({ question: e.currentTarget.value })}
        autosize
        minRows={3}
        maxRows={6}
        readOnly={!editable}
        error={error}
      />
      {editable ? (
        <Group gap={6} mt={6} aria-label="Insert a variable">
          {SURVEY_VARIABLE_SAMPLES.map((v) => (
            <Tooltip key={v.name} label={v.doc} openDelay={300}>
              <UnstyledButton className={classes.variable} onClick={() => insert(v.name)}>
                {`{{${v.name}}}`}
              </UnstyledButton>
            </Tooltip>
          ))}
        </Group>
      ) : null}
      <Text size="xs" fw={600} c="dimmed" mt="md" mb={6} tt="uppercase" lts="0.04em">
        Preview
      </Text>
      <div className={classes.thread}>
        <div className={classes.bubble} role="note" aria-label={`${title} question preview`}>
          {question.trim() ? (
            previewParts(question, values).map((part, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
              <span key={i} className={part.kind === "text" ? undefined : classes[part.kind]}>
                {part.text}
              </span>
            ))
          ) : (
            <Text size="sm" c="dimmed" span>
              The question appears here as the customer will read it.
            </Text>
          )}
        </div>
      </div>
    </Paper>
  );
}
