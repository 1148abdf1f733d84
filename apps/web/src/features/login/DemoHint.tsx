import { Text, UnstyledButton } from "@mantine/core";
import { IconSparkles } from "@tabler/icons-react";
import classes from "./LoginPage.module.css";

const DEMO_EMAIL = "agent@acme.example";
const DEMO_PASSWORD = "parley-demo";

/** The demo workspace's sign-in, one click to fill the form. */
export function DemoHint({ onPick }: { onPick: (email: string, password: string) => void }) {
  return (
    <UnstyledButton className={classes.hint} onClick={() => onPick(DEMO_EMAIL, DEMO_PASSWORD)}>
      <IconSparkles size={14} stroke={1.8} aria-hidden className={classes.hintIcon} />
      <div>
        <Text size="xs" c="gray.7">
          Demo: <span className={classes.mono}>{DEMO_EMAIL}</span> /{" "}
          <span className={classes.mono}>{DEMO_PASSWORD}</span>
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          Also lead@, approver@, admin@ and analyst@ with the same password. Click to fill in.
        </Text>
      </div>
    </UnstyledButton>
  );
}
