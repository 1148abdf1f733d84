import { Paper, Skeleton } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconLock } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { useCan } from "../../app/auth";
import { EmptyState } from "../../ui/EmptyState";
import { Page } from "../../ui/Page";

const DESCRIPTION = "Volumes, response times and service levels of your care team.";

// The reports (filters, figures, date picker, charts) load when the page is first opened.
const Reports = lazy(() => import("./Reports").then((m) => ({ default: m.Reports })));

export function ReportsPage() {
  const canRead = useCan("reports:read");
  useDocumentTitle("Reports · Parley");
  if (!canRead)
    return (
      <Page title="Reports" description={DESCRIPTION}>
        <Paper withBorder>
          <EmptyState
            icon={<IconLock size={22} stroke={1.6} />}
            title="Reports are for leads, analysts and admins"
            description="Ask an admin if you need access to team-wide numbers."
          />
        </Paper>
      </Page>
    );
  return (
    <Suspense
      fallback={
        <Page title="Reports" description={DESCRIPTION}>
          <Skeleton h={36} w="70%" mb="xl" radius="md" role="status" aria-label="Loading reports" />
        </Page>
      }
    >
      <Reports description={DESCRIPTION} />
    </Suspense>
  );
}
