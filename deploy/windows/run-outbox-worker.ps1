<#
.SYNOPSIS
  Runs the Stonegate Outbox Worker; started by the Task Scheduler task in stonegate-outbox.xml.

.DESCRIPTION
  Polls until stopped (OUTBOX_POLL_INTERVAL_MS, 5000 unless set), or with -Once drains one batch
  and exits, for a task that repeats every minute. The worker reads .env (DATABASE_URL,
  ADMIN_API_KEY, providers) from -InstallDir. Output goes to logs\outbox-worker.log there. The
  script exits with the worker's exit code, so the task's "restart on failure" sees a crash.
#>
param(
  [string]$InstallDir = $PSScriptRoot,
  [switch]$Once
)

$ErrorActionPreference = 'Stop'
Set-Location -Path $InstallDir

if ($Once) {
  $env:OUTBOX_POLL_INTERVAL_MS = '0'
} elseif (-not $env:OUTBOX_POLL_INTERVAL_MS) {
  $env:OUTBOX_POLL_INTERVAL_MS = '5000'
}
if (-not $env:OUTBOX_LOG_FORMAT) {
  $env:OUTBOX_LOG_FORMAT = 'text'
}

$java = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME 'bin\java.exe' } else { 'java.exe' }
$jar = Join-Path $InstallDir 'outbox-worker.jar'
$logs = Join-Path $InstallDir 'logs'
New-Item -ItemType Directory -Force -Path $logs | Out-Null
$log = Join-Path $logs 'outbox-worker.log'

# Keep one previous log of at most 50 MB.
if ((Test-Path $log) -and (Get-Item $log).Length -gt 50MB) {
  Move-Item -Force $log "$log.1"
}

& $java -Xms32m -Xmx192m '-XX:TieredStopAtLevel=1' '-XX:+ExitOnOutOfMemoryError' -jar $jar run *>> $log
exit $LASTEXITCODE
