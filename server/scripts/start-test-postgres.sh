#!/usr/bin/env bash
# Makes a real PostgreSQL ready for the team server's tests (CI or a developer machine, as root on Debian):
# installs the Debian package when missing, starts the cluster, creates a login role that may create databases,
# and prints the TEST_DATABASE_URL on stdout (everything else goes to stderr). Use:
#   export TEST_DATABASE_URL="$(bash server/scripts/start-test-postgres.sh)"
# The tests create and drop their own database under that role.
set -euo pipefail

ROLE=reviewdesk_test
PASSWORD=reviewdesk_test

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql (apt-get)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main >&2
fi
STATUS=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}')
if [ "$STATUS" != "online" ]; then
  pg_ctlcluster "$VERSION" main start >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PORT" >&2

runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -q >&2 <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$ROLE') then
    create role $ROLE login createdb password '$PASSWORD';
  end if;
end \$\$;
SQL

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
