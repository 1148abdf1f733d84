import { Paper } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconChartBar, IconLock } from "@tabler/icons-react";
import { useCan } from "../../app/auth";
import { EmptyState } from "../../ui/EmptyState";
import { Page } from "../../ui/Page";

export function ReportsPage() {
  const canRead = useCan("reports:read");
  useDocumentTitle("Reports · Parley");
  return (
    <Page title="Reports" description="Volumes, response times and service levels of your care team.">
      <Paper withBorder>
        {canRead ? (
          <EmptyState
            icon={<IconChartBar size={22} stroke={1.6} />}
            title="No reports yet"
            description="Once conversations flow through Parley, this page shows inbound and response volumes per channel, first and average response times, and service-level attainment."
          />
        ) : (
          <EmptyState
            icon={<IconLock size={22} stroke={1.6} />}
            title="Reports are for leads, analysts and admins"
            description="Ask an admin if you need access to team-wide numbers."
          />
        )}
      </Paper>
    </Page>
  );
}
