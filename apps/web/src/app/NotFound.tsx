import { Button } from "@mantine/core";
import { IconCompass } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../ui/EmptyState";

export function NotFound() {
  return (
    <EmptyState
      icon={<IconCompass size={22} stroke={1.6} />}
      title="Nothing here"
      description="This page does not exist, or it moved."
      action={
        <Button component={Link} to="/inbox" variant="default">
          Back to the inbox
        </Button>
      }
    />
  );
}
