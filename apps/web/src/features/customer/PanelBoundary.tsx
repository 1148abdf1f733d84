import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { Component, type ReactNode } from "react";

/** A broken customer panel must not take the conversation down with it (React needs a class here). */
export class PanelBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <aside aria-label="Customer" style={{ borderLeft: "1px solid var(--parley-border)" }}>
        <Alert
          m="sm"
          color="red"
          variant="light"
          icon={<IconAlertCircle size={16} />}
          title="Customer panel unavailable"
        >
          The customer's profile could not be shown. The conversation still works.
        </Alert>
      </aside>
    );
  }
}
