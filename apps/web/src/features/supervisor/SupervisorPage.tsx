import {
  ActionIcon,
  Alert,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconLock, IconRefresh } from "@tabler/icons-react";
import { errorMessage } from "../../app/api";
import { useCan } from "../../app/auth";
import { useLiveStatus } from "../../app/live";
import { Dot } from "../../ui/Dot";
import { EmptyState } from "../../ui/EmptyState";
import { useNow } from "../../ui/time";
import { AgentsGrid } from "./AgentsGrid";
import { CrisisBanner } from "./CrisisBanner";
import { staffed, updatedAgo } from "./format";
import { KpiStrip } from "./KpiStrip";
import { QueueCard } from "./QueueCard";
import { useLiveOverviewRefresh, useSupervisorOverview } from "./queries";
import { SlaCard } from "./SlaCard";
import classes from "./supervisor.module.css";

const DESCRIPTION = "The desk right now: queues, service levels and who is handling what.";

function Shell({ actions, children }: { actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className={classes.page} data-supervisor-page>
      <div className={classes.pageInner}>
        <Group justify="space-between" align="flex-end" className={classes.header} wrap="nowrap">
          <div>
            <Title order={1} c="var(--mantine-color-bright)">
              Supervisor
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {DESCRIPTION}
            </Text>
          </div>
          {actions}
        </Group>
        {children}
      </div>
    </div>
  );
}

function Freshness({
  generatedAt,
  fetching,
  onRefresh,
}: {
  generatedAt?: string;
  fetching: boolean;
  onRefresh: () => void;
}) {
  const now = useNow(1_000);
  const live = useLiveStatus();
  return (
    <Group gap="sm" wrap="nowrap">
      <Tooltip
        label={
          live === "open"
            ? "Live: refreshes as conversations change, and every 15 seconds"
            : "Live updates are down: refreshing every 15 seconds"
        }
      >
        <Group gap={6} wrap="nowrap" role="status" aria-live="off">
          <Dot color={live === "open" ? "var(--mantine-color-teal-6)" : "var(--mantine-color-yellow-6)"} />
          <Text size="xs" c="dimmed" className={classes.freshness}>
            {generatedAt ? updatedAgo(generatedAt, now) : "Loading…"}
          </Text>
        </Group>
      </Tooltip>
      <Tooltip label="Refresh now">
        <ActionIcon
          variant="default"
          size="md"
          onClick={onRefresh}
          loading={fetching}
          aria-label="Refresh now"
        >
          <IconRefresh size={15} stroke={1.8} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function Loading() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the supervisor view">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {["queue", "progress", "wait", "sla", "breached", "due"].map((tile) => (
          <Skeleton key={tile} h={86} radius="md" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Skeleton h={260} radius="md" />
        <Skeleton h={260} radius="md" />
      </SimpleGrid>
      <Skeleton h={200} radius="md" />
    </Stack>
  );
}

export function SupervisorPage() {
  const canRead = useCan("supervisor:read");
  useDocumentTitle("Supervisor · Parley");
  const overview = useSupervisorOverview(canRead);
  useLiveOverviewRefresh(canRead);

  if (!canRead)
    return (
      <Shell>
        <Paper withBorder>
          <EmptyState
            icon={<IconLock size={22} stroke={1.6} />}
            title="The supervisor view is for leads, analysts and admins"
            description="It shows the whole team's queues and workload. Ask an admin if you need access."
          />
        </Paper>
      </Shell>
    );

  const data = overview.data;
  const team = data ? staffed(data.agents) : null;
  return (
    <Shell
      actions={
        <Freshness
          generatedAt={data?.generated_at}
          fetching={overview.isFetching}
          onRefresh={() => void overview.refetch()}
        />
      }
    >
      {overview.isError && !data ? (
        <Alert color="red" title="Could not load the supervisor view">
          {errorMessage(overview.error)}
        </Alert>
      ) : !data ? (
        <Loading />
      ) : (
        <Stack gap="md">
          <CrisisBanner crisis={data.crisis} />
          {overview.isError ? (
            <Alert color="yellow" variant="light">
              Refreshing failed ({errorMessage(overview.error)}); showing the last figures.
            </Alert>
          ) : null}
          <KpiStrip overview={data} />
          <div className={classes.split}>
            <QueueCard queue={data.queue} />
            <SlaCard sla={data.sla} />
          </div>
          <section aria-labelledby="supervisor-agents">
            <Group justify="space-between" mb="xs" mt={4}>
              <Text component="h2" id="supervisor-agents" className={classes.sectionTitle}>
                Agents
              </Text>
              {team ? (
                <Text size="xs" c="dimmed">
                  {team.available} available · {team.online} at the desk · {data.agents.length} in all
                </Text>
              ) : null}
            </Group>
            <AgentsGrid agents={data.agents} />
          </section>
        </Stack>
      )}
    </Shell>
  );
}
