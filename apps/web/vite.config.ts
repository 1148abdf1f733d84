import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const server = process.env.PARLEY_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // The date pickers, like the charts, only where a page needs them (Reports).
            { name: "dates", test: /node_modules[\\/](@mantine[\\/]dates|dayjs)[\\/]/ },
            {
              name: "mantine",
              test: /node_modules[\\/](@mantine|@floating-ui|react-transition-group|@tabler)[\\/]/,
            },
            // Charts load with the Reports page only.
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // The desk's live channel (WebSocket, session cookie): listed first so it is proxied as an upgrade.
      "/api/v1/live": { target: server.replace(/^http/, "ws"), ws: true, changeOrigin: false },
      "/api": { target: server, changeOrigin: false, ws: true },
      "/healthz": { target: server },
    },
  },
});
