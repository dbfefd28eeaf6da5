// Stonegate Outbox Worker under PM2, beside the StonegateOS API. From the worker's directory:
//   pm2 start deploy/pm2/ecosystem.config.js && pm2 save
// Variables: the worker reads ./.env (DATABASE_URL, ADMIN_API_KEY, providers) from its working
// directory, below; the environment here wins over it.
const path = require("path");

module.exports = {
  apps: [
    {
      name: "stonegate-outbox",
      cwd: path.resolve(__dirname, "..", ".."),
      script: "java",
      interpreter: "none",
      args: [
        "-Xms32m",
        "-Xmx192m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+ExitOnOutOfMemoryError",
        "-jar",
        "target/outbox-worker.jar",
        "run",
      ],
      env: {
        OUTBOX_POLL_INTERVAL_MS: "5000",
        // Plain lines for PM2's log files; set "json" to ship them to an aggregator.
        OUTBOX_LOG_FORMAT: "text",
      },
      // One poller per PM2 app: the HTTP port is one per process (see OUTBOX_HTTP_PORT).
      instances: 1,
      exec_mode: "fork",
      autorestart: true,
      restart_delay: 5000,
      // Exit code 2 is a configuration error: restarting cannot fix it.
      stop_exit_codes: [2],
      // PM2 stops with SIGINT, then SIGKILL after kill_timeout: give running handlers their
      // OUTBOX_SHUTDOWN_GRACE_MS (30 s by default) and some more.
      kill_timeout: 45000,
      time: true,
    },
  ],
};
