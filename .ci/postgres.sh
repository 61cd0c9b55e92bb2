#!/usr/bin/env bash
# Start a local PostgreSQL for the ledger's tests and print its URL (and nothing else) on stdout:
#
#     export CLAIMLEDGER_TEST_POSTGRES=$(bash .ci/postgres.sh)
#
# Run as root on Debian 12. Installs postgresql from Debian's archive if it is missing, starts
# the packaged cluster (pg_ctlcluster; initdb + pg_ctl when there is no cluster tooling),
# listening on 127.0.0.1 only, and creates a role and database for the tests. Idempotent:
# running it again reuses the running server, role and database. All chatter goes to stderr.
set -euo pipefail

DB=${CLAIMLEDGER_PG_DB:-claimledger_test}
ROLE=${CLAIMLEDGER_PG_ROLE:-claimledger}
PASSWORD=${CLAIMLEDGER_PG_PASSWORD:-claimledger}
say() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
    say "run me as root (I may install packages and start the server as the postgres user)"
    exit 1
fi

if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    say "installing postgresql from the Debian archive"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
VERSION=$(basename "$(dirname "$BIN")")

as_postgres() { runuser -u postgres -- "$@"; }

if command -v pg_ctlcluster >/dev/null && command -v pg_lsclusters >/dev/null; then
    if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
        say "creating cluster $VERSION/main"
        pg_createcluster "$VERSION" main >&2
    fi
    PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')
    if ! pg_ctlcluster "$VERSION" main status >/dev/null 2>&1; then
        say "starting cluster $VERSION/main on 127.0.0.1:$PORT"
        pg_ctlcluster "$VERSION" main start -o "-c listen_addresses=127.0.0.1" >&2
    fi
    SOCKET=/var/run/postgresql
else
    DATA=/var/lib/postgresql/claimledger-data
    PORT=${CLAIMLEDGER_PG_PORT:-5432}
    SOCKET=/tmp
    if [ ! -f "$DATA/PG_VERSION" ]; then
        say "initdb $DATA"
        install -d -o postgres -g postgres "$DATA"
        as_postgres "$BIN/initdb" -D "$DATA" -A scram-sha-256 --pwfile=<(echo postgres) >&2
    fi
    if ! as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        say "starting $DATA on 127.0.0.1:$PORT"
        as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp" >&2
    fi
fi

for _ in $(seq 1 60); do
    if "$BIN/pg_isready" -q -h "$SOCKET" -p "$PORT"; then break; fi
    sleep 0.5
done
"$BIN/pg_isready" -q -h "$SOCKET" -p "$PORT" || { say "the server did not come up"; exit 1; }

psql_admin() { as_postgres psql -h "$SOCKET" -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
    psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    psql_admin -c "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
