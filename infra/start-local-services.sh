#!/usr/bin/env bash
# Starts locally installed PostgreSQL and Redis if they are not already running
# (Debian packages, as on the project's development and CI machines).
set -euo pipefail

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }

if pg_up; then
  echo "PostgreSQL is running on 127.0.0.1:5432"
elif command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version…"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
else
  echo "PostgreSQL is not installed: apt-get install postgresql (or use infra/compose.yaml)" >&2
  exit 1
fi

if redis_up; then
  echo "Redis is running on 127.0.0.1:6379"
elif command -v redis-server >/dev/null 2>&1; then
  echo "Starting Redis…"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
else
  echo "Redis is not installed: apt-get install redis-server (or use infra/compose.yaml)" >&2
  exit 1
fi

for _ in $(seq 1 30); do
  if pg_up && redis_up; then echo "PostgreSQL and Redis are up."; exit 0; fi
  sleep 1
done
echo "PostgreSQL or Redis did not come up in 30 seconds" >&2
exit 1
