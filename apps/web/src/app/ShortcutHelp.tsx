import { Group, Kbd, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import { Fragment, useSyncExternalStore } from "react";
import { SHORTCUTS, type Shortcut, type ShortcutScope } from "./shortcuts";

const listeners = new Set<() => void>();
let opened = false;
const setOpened = (value: boolean) => {
  opened = value;
  for (const l of listeners) l();
};

/** Opens the "?" dialog from anywhere (a menu item, a hint in the list footer). */
export function openShortcutHelp() {
  setOpened(true);
}

const GROUPS: { scope: ShortcutScope; title: string }[] = [
  { scope: "list", title: "Conversation list" },
  { scope: "conversation", title: "Open conversation" },
  { scope: "global", title: "Anywhere" },
];

const KEY_LABELS: Record<string, string> = {
  enter: "Enter",
  escape: "Esc",
  "mod+a": navigator.platform.startsWith("Mac") ? "⌘ A" : "Ctrl A",
};

function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key.replace("shift+", "Shift ").toUpperCase().replace("SHIFT ", "Shift ");
}

function Keys({ shortcut }: { shortcut: Shortcut }) {
  return (
    <Group gap={4} wrap="nowrap" aria-label={shortcut.keys.map(keyLabel).join(" then ")}>
      {shortcut.keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 ? (
            <Text span size="xs" c="dimmed" aria-hidden>
              then
            </Text>
          ) : null}
          <Kbd size="xs" aria-hidden>
            {keyLabel(key)}
          </Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

function ShortcutGroup({ scope, title }: { scope: ShortcutScope; title: string }) {
  const items = SHORTCUTS.filter((s) => s.scope === scope);
  return (
    <Stack gap={6}>
      <Text size="xs" fw={650} tt="uppercase" c="dimmed" style={{ letterSpacing: "0.04em" }}>
        {title}
      </Text>
      <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "6px 14px" }}>
        {items.map((s) => (
          <Fragment key={s.keys.join(" ")}>
            <dt style={{ justifySelf: "start" }}>
              <Keys shortcut={s} />
            </dt>
            <dd style={{ margin: 0 }}>
              <Text size="sm">{s.description}</Text>
            </dd>
          </Fragment>
        ))}
      </dl>
    </Stack>
  );
}

/** The "?" dialog: every shortcut of the desk, by where it works. Never fires while typing. */
export function ShortcutHelp() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => opened,
  );
  return (
    <Modal opened={isOpen} onClose={() => setOpened(false)} title="Keyboard shortcuts" size="xl">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl" verticalSpacing="lg">
        <ShortcutGroup {...(GROUPS[0] as (typeof GROUPS)[number])} />
        <Stack gap="lg">
          <ShortcutGroup {...(GROUPS[1] as (typeof GROUPS)[number])} />
          <ShortcutGroup {...(GROUPS[2] as (typeof GROUPS)[number])} />
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="lg">
        Shortcuts never fire while you type in a text box. Press Esc to close this dialog.
      </Text>
    </Modal>
  );
}
