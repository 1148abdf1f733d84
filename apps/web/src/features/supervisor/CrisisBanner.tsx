import { Alert, Text } from "@mantine/core";
import type { SupervisorCrisis } from "@parley/contracts";
import { IconAlertTriangle, IconUrgent } from "@tabler/icons-react";
import { formatAgo, formatFull, useNow } from "../../ui/time";

/** Crisis mode running (red) or crisis alerts waiting for a decision (amber); nothing otherwise. */
export function CrisisBanner({ crisis }: { crisis: SupervisorCrisis }) {
  const now = useNow();
  const mode = crisis.active_modes[0];
  if (mode)
    return (
      <Alert
        color="red"
        variant="filled"
        icon={<IconUrgent size={18} />}
        title={`Crisis mode on “${mode.topic}”`}
        role="alert"
      >
        <Text size="sm" c="inherit">
          Started {mode.started_via === "automatic" ? "automatically" : "by a lead"}{" "}
          <span title={formatFull(mode.started_at)}>{formatAgo(mode.started_at, now)} ago</span>: matching
          messages go to the crisis team and every reply needs approval.
          {crisis.active_modes.length > 1
            ? ` ${crisis.active_modes.length - 1} more topic(s) in crisis mode.`
            : ""}
          {crisis.open_alert_count > 0 ? ` ${crisis.open_alert_count} alert(s) still open.` : ""}
        </Text>
      </Alert>
    );
  const alert = crisis.open_alerts[0];
  if (!alert) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`${crisis.open_alert_count} crisis alert${crisis.open_alert_count === 1 ? "" : "s"} waiting for a decision`}
    >
      <Text size="sm">
        Latest: “{alert.topic}”,{" "}
        {alert.kind === "volume"
          ? `${alert.volume} messages in the window`
          : `${alert.negative} of ${alert.volume} messages negative`}
        , raised {formatAgo(alert.created_at, now)} ago.
      </Text>
    </Alert>
  );
}
