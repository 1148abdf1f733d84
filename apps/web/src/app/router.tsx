import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { ConversationPane } from "../features/inbox/conversation/ConversationPane";
import { NoConversationSelected } from "../features/inbox/conversation/NoConversationSelected";
import { InboxPage } from "../features/inbox/InboxPage";
import { LoginPage } from "../features/login/LoginPage";
import { ReportsPage } from "../features/reports/ReportsPage";
import { SettingsPage } from "../features/settings/SettingsPage";
import { SupervisorPage } from "../features/supervisor/SupervisorPage";
import { AppLayout } from "./AppLayout";
import { NotFound } from "./NotFound";
import { RequireAuth } from "./RequireAuth";

const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/inbox" replace /> },
          {
            path: "inbox",
            element: <InboxPage />,
            children: [
              { index: true, element: <NoConversationSelected /> },
              { path: ":conversationId", element: <ConversationPane /> },
            ],
          },
          { path: "supervisor", element: <SupervisorPage /> },
          { path: "reports", element: <ReportsPage /> },
          { path: "settings/*", element: <SettingsPage /> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
