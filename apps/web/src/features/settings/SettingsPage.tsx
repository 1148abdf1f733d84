import { Center, Loader, NavLink, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { Permission } from "@parley/contracts";
import { type ReactNode, Suspense } from "react";
import { Navigate, Route, NavLink as RouterLink, Routes, useLocation } from "react-router";
import { useMe } from "../../app/auth";
import { SETTINGS_SECTIONS, type SettingsSectionDef } from "./sections";
import classes from "./settings.module.css";

/** The sections this principal may see: each names the permission that opens it. */
function visibleSections(permissions: readonly Permission[]): SettingsSectionDef[] {
  return SETTINGS_SECTIONS.filter((s) => permissions.includes(s.permission));
}

function Fallback() {
  return (
    <Center p="xl">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}

export function SettingsPage() {
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const sections = visibleSections(me?.permissions ?? []);
  const current = sections.find((s) => pathname.startsWith(`/settings/${s.path}`));
  useDocumentTitle(`${current ? `${current.label} · ` : ""}Settings · Parley`);
  const groups = [...new Set(sections.map((s) => s.group))];
  const first = sections[0]?.path ?? "workspace";

  return (
    <div className={classes.page}>
      <div className={classes.inner}>
        <nav className={classes.nav} aria-label="Settings">
          <Title order={1} size="h2" px={10} mb={4}>
            Settings
          </Title>
          {groups.map((group) => (
            <div key={group}>
              <Text className={classes.group} component="h2">
                {group}
              </Text>
              {sections
                .filter((s) => s.group === group)
                .map(({ path, label, Icon }) => (
                  <NavLink
                    key={path}
                    component={RouterLink}
                    to={`/settings/${path}`}
                    label={label}
                    active={current?.path === path}
                    leftSection={<Icon size={15} stroke={1.7} aria-hidden />}
                    className={classes.link}
                  />
                ))}
            </div>
          ))}
        </nav>
        <main className={classes.content} aria-label={current?.label ?? "Settings"}>
          <Suspense fallback={<Fallback />}>
            <Routes>
              <Route index element={<Navigate to={first} replace />} />
              {sections.map(({ path, element }) => (
                <Route key={path} path={path} element={element as ReactNode} />
              ))}
              <Route path="*" element={<Navigate to={`/settings/${first}`} replace />} />
            </Routes>
          </Suspense>
        </main>
      </div>
    </div>
  );
}
