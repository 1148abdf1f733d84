import { Text, type TextProps, Tooltip } from "@mantine/core";
import { formatAgo, formatFull, useNow } from "./time";

interface RelativeTimeProps extends TextProps {
  iso: string;
}

/** "4m", "3h", "2d" with the full date and time on hover. */
export function RelativeTime({ iso, ...textProps }: RelativeTimeProps) {
  const now = useNow();
  return (
    <Tooltip label={formatFull(iso)}>
      <Text
        component="time"
        dateTime={iso}
        size="xs"
        c="dimmed"
        style={{ whiteSpace: "nowrap" }}
        {...textProps}
      >
        {formatAgo(iso, now)}
      </Text>
    </Tooltip>
  );
}
