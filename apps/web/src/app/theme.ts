import {
  ActionIcon,
  Badge,
  Button,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Loader,
  type MantineColorsTuple,
  Menu,
  Modal,
  Notification,
  Paper,
  Table,
  Tabs,
  TextInput,
  Tooltip,
} from "@mantine/core";

/** The one accent colour: a calm indigo. */
const accent: MantineColorsTuple = [
  "#eef0ff",
  "#dfe2fc",
  "#bdc3f3",
  "#99a2eb",
  "#7a85e4",
  "#6672e0",
  "#5b67de",
  "#4b57c6",
  "#414db2",
  "#35419e",
];

/** Cool neutral greys, for text, borders and surfaces. */
const slate: MantineColorsTuple = [
  "#f8f9fb",
  "#f1f3f6",
  "#e6e9ee",
  "#d8dce3",
  "#b8bfc9",
  "#8a929f",
  // Dimmed text: 4.5:1 also on the tinted rows (selected accent-0, fresh yellow-1, hovered gray-1).
  "#5f6877",
  "#4a5261",
  "#2e343e",
  "#1a1d23",
];

/**
 * Mantine's orange, with its two darkest shades darker still: they are the text colour of every
 * warning (SLA about to breach, warning events, lag) and must read at 4.5:1 on the orange-0/1
 * tints, white, the grey surfaces and the selected or fresh rows (Mantine's #e8590c gave 3.0-3.6).
 */
const orange = [
  ...DEFAULT_THEME.colors.orange.slice(0, 8),
  "#b5400a",
  "#9c3a08",
] as unknown as MantineColorsTuple;

const systemFont =
  '-apple-system, BlinkMacSystemFont, "Segoe UI Variable Text", "Segoe UI", "Inter", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: "accent",
  primaryShade: 6,
  colors: { accent, gray: slate, orange },
  fontFamily: systemFont,
  fontFamilyMonospace:
    'ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
  black: "#1a1d23",
  defaultRadius: "md",
  radius: { xs: "3px", sm: "5px", md: "7px", lg: "10px", xl: "14px" },
  fontSizes: { xs: "11px", sm: "12.5px", md: "13.5px", lg: "15px", xl: "18px" },
  lineHeights: { xs: "1.4", sm: "1.45", md: "1.5", lg: "1.55", xl: "1.6" },
  spacing: { xs: "6px", sm: "10px", md: "14px", lg: "20px", xl: "28px" },
  headings: {
    fontFamily: systemFont,
    fontWeight: "650",
    sizes: {
      h1: { fontSize: "22px", lineHeight: "1.3" },
      h2: { fontSize: "18px", lineHeight: "1.35" },
      h3: { fontSize: "15px", lineHeight: "1.4" },
      h4: { fontSize: "13.5px", lineHeight: "1.45" },
    },
  },
  shadows: {
    xs: "0 1px 2px rgba(16, 24, 40, 0.05)",
    sm: "0 1px 3px rgba(16, 24, 40, 0.08), 0 1px 2px rgba(16, 24, 40, 0.04)",
    md: "0 4px 12px -2px rgba(16, 24, 40, 0.10), 0 2px 4px -2px rgba(16, 24, 40, 0.05)",
    lg: "0 12px 32px -8px rgba(16, 24, 40, 0.16), 0 4px 8px -4px rgba(16, 24, 40, 0.06)",
    xl: "0 24px 48px -12px rgba(16, 24, 40, 0.22)",
  },
  cursorType: "pointer",
  focusRing: "auto",
  components: {
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: "subtle", color: "gray" } }),
    Badge: Badge.extend({
      defaultProps: { radius: "sm", variant: "light", size: "sm" },
      styles: { root: { textTransform: "none", fontWeight: 600, letterSpacing: 0 } },
    }),
    Button: Button.extend({ defaultProps: { size: "sm" }, styles: { root: { fontWeight: 600 } } }),
    // A labelled spinner ("Loading messages") is a status: a bare span may not carry aria-label.
    Loader: Loader.extend({ defaultProps: { role: "status" } }),
    Menu: Menu.extend({ defaultProps: { shadow: "md", radius: "md" } }),
    Modal: Modal.extend({
      defaultProps: {
        radius: "lg",
        centered: true,
        overlayProps: { backgroundOpacity: 0.35, blur: 2 },
        closeButtonProps: { "aria-label": "Close" },
      },
      styles: { title: { fontWeight: 650, fontSize: "15px" } },
    }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { "aria-label": "Dismiss notification" } },
    }),
    Paper: Paper.extend({ defaultProps: { radius: "lg" } }),
    Table: Table.extend({
      defaultProps: {
        verticalSpacing: 8,
        horizontalSpacing: "md",
        borderColor: "gray.2",
        highlightOnHoverColor: "gray.0",
      },
      styles: { th: { fontSize: "11.5px", fontWeight: 600, color: "var(--mantine-color-gray-6)" } },
    }),
    Tabs: Tabs.extend({ styles: { tab: { fontWeight: 550 } } }),
    TextInput: TextInput.extend({ defaultProps: { size: "sm" } }),
    Tooltip: Tooltip.extend({
      defaultProps: { openDelay: 250, radius: "sm", fz: "xs", color: "dark" },
    }),
  },
});

/**
 * Text of the light variant (badges, light buttons) is shade 9 on shade 1; for these hues that is
 * under 4.5:1, so their text is darkened just enough (same hue) to pass WCAG AA.
 */
const LIGHT_TEXT: Record<string, string> = {
  red: "#b82626",
  teal: "#066d4e",
  green: "#247435",
  lime: "#46700a",
  yellow: "#9c5100",
  orange: "#ad390c",
};

/** Softer default borders (inputs, papers, outlines) than Mantine's gray-4; readable light variants. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-default-border": "var(--mantine-color-gray-3)",
    ...Object.fromEntries(
      Object.entries(LIGHT_TEXT).map(([color, hex]) => [`--mantine-color-${color}-light-color`, hex]),
    ),
  },
  dark: {},
});
