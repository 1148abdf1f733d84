import { Group, Paper, SimpleGrid, Skeleton, Text, Tooltip } from "@mantine/core";
import type { ReportMetric } from "@parley/contracts";
import { IconChevronRight, IconInfoCircle } from "@tabler/icons-react";
import classes from "./reports.module.css";
import type { KpiGroup, KpiTile } from "./tiles";

interface KpiTilesProps {
  groups: KpiGroup[];
  onDrill: (metric: ReportMetric) => void;
}

function TileBody({ tile }: { tile: KpiTile }) {
  return (
    <>
      <Group component="span" gap={4} wrap="nowrap" justify="space-between">
        <Group component="span" gap={4} wrap="nowrap" miw={0}>
          <Text component="span" size="xs" fw={600} c="dimmed" truncate>
            {tile.label}
          </Text>
          <Tooltip label={tile.definition} multiline w={280} position="top-start" withArrow>
            <span className={classes.info} aria-label={`How ${tile.label} is counted`} role="img">
              <IconInfoCircle size={13} stroke={1.7} aria-hidden />
            </span>
          </Tooltip>
        </Group>
        {tile.metric ? <IconChevronRight size={14} className={classes.tileChevron} aria-hidden /> : null}
      </Group>
      <Text component="span" className={classes.tileValue}>
        {tile.value}
      </Text>
      {tile.detail ? (
        <Text component="span" size="xs" c="dimmed" truncate title={tile.detail} className={classes.block}>
          {tile.detail}
        </Text>
      ) : null}
    </>
  );
}

function Tile({ tile, onDrill }: { tile: KpiTile; onDrill: (metric: ReportMetric) => void }) {
  const metric = tile.metric;
  if (!metric)
    return (
      <Paper withBorder className={classes.tile}>
        <TileBody tile={tile} />
      </Paper>
    );
  return (
    <Paper
      withBorder
      component="button"
      type="button"
      className={classes.tile}
      data-interactive
      onClick={() => onDrill(metric)}
      aria-label={`${tile.label}: ${tile.value}. Show the conversations`}
    >
      <TileBody tile={tile} />
    </Paper>
  );
}

/** The period's headline figures in four groups; a tile with a chevron lists its conversations. */
export function KpiTiles({ groups, onDrill }: KpiTilesProps) {
  return (
    <div className={classes.stack}>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <Text component="h2" className={classes.sectionTitle}>
            {group.title}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="sm">
            {group.tiles.map((tile) => (
              <Tile key={tile.id} tile={tile} onDrill={onDrill} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </div>
  );
}

export function KpiTilesSkeleton() {
  return (
    <div className={classes.stack}>
      {[4, 4].map((n, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={g}>
          <Skeleton h={12} w={110} mb="sm" radius="sm" />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {Array.from({ length: n }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <Skeleton key={i} h={92} radius="lg" />
            ))}
          </SimpleGrid>
        </div>
      ))}
    </div>
  );
}
