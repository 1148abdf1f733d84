import { Group, Skeleton, Stack } from "@mantine/core";
import classes from "./list.module.css";

/** Placeholder rows shaped like real ones while the first page loads. */
export function ListSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading conversations">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders that never reorder
        <Group key={i} className={classes.skeletonRow} gap="sm" wrap="nowrap" align="flex-start">
          <Skeleton h={22} w={22} radius="sm" />
          <Stack gap={7} style={{ flex: 1 }}>
            <Skeleton h={10} w="45%" />
            <Skeleton h={9} w="90%" />
            <Skeleton h={9} w="35%" />
          </Stack>
        </Group>
      ))}
    </div>
  );
}
