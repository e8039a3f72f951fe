# Shared by scripts/run and scripts/test: install what this machine lacks.
# Debian packages with apt-get (you are root), Python packages with uv from uv.lock.

UV_VERSION="0.13.9"
# runuser, pg tools and apt live in the sbin folders, missing from some non-login PATHs.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export UV_PYTHON_DOWNLOADS=never
export UV_LINK_MODE=copy
# Trust the machine's certificate store (a company proxy's CA included), not only uv's own.
export UV_SYSTEM_CERTS=1

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# need_apt PACKAGE... : install the Debian packages that are missing.
need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # Wait for another apt-get (boot-time updates) instead of failing on the dpkg lock.
    local lock=(-o DPkg::Lock::Timeout=600)
    $sudo apt-get "${lock[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get "${lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# System libraries of the application itself: WeasyPrint (Pango, fonts), gettext.
APP_APT_PACKAGES=(gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 shared-mime-info)

# uv in a private virtual environment made by the system Python (Debian's python3-venv):
# the system Python is never written to (PEP 668), and no other Python is needed.
UV_TOOLS_DIR="${IMTSOCIAL_TOOLS_DIR:-${HOME:-/tmp}/.cache/imtsocial/uv-$UV_VERSION}"

ensure_uv() {
  if command -v uv >/dev/null 2>&1 && [ "$(uv --version | cut -d' ' -f2)" = "$UV_VERSION" ]; then
    return
  fi
  if [ ! -x "$UV_TOOLS_DIR/venv/bin/uv" ]; then
    log "uv $UV_VERSION in a private venv ($UV_TOOLS_DIR), the system Python untouched"
    rm -rf "$UV_TOOLS_DIR"
    if ! python3 -m venv "$UV_TOOLS_DIR/venv" >/dev/null 2>&1; then
      rm -rf "$UV_TOOLS_DIR"
      need_apt python3-venv
      python3 -m venv "$UV_TOOLS_DIR/venv"
    fi
    "$UV_TOOLS_DIR/venv/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  fi
  # Only uv goes on the PATH (not the venv's python3: uv picks the system one).
  mkdir -p "$UV_TOOLS_DIR/bin"
  ln -sf "$UV_TOOLS_DIR/venv/bin/uv" "$UV_TOOLS_DIR/bin/uv"
  export PATH="$UV_TOOLS_DIR/bin:$PATH"
}

ensure_python_env() {
  ensure_uv
  log "uv sync --frozen $*"
  uv sync --frozen --quiet "$@"
}

compile_messages() {
  uv run --frozen --no-sync python manage.py compilemessages --ignore=.venv --ignore=var -v0
}

# start_services: PostgreSQL and Redis on free loopback ports in a temporary
# folder, stopped and removed when the calling script exits. Exports DATABASE_URL
# and REDIS_URL.
start_services() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  WORK="$(mktemp -d /tmp/imtsocial-test.XXXXXX)"
  chmod 755 "$WORK"
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
  PG_PORT="$(free_port)"
  REDIS_PORT="$(free_port)"
  RUN_AS=()
  [ "$(id -u)" -eq 0 ] && RUN_AS=(runuser -u postgres --)

  cleanup() {
    set +e
    [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
    [ -d "$WORK/pg" ] && "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
    rm -rf "$WORK"
  }
  trap cleanup EXIT INT TERM

  log "PostgreSQL on 127.0.0.1:$PG_PORT"
  mkdir -p "$WORK/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust --no-sync -E UTF8 >/dev/null
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w start \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null

  "${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres imtsocial

  log "Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$WORK" \
    --pidfile "$WORK/redis.pid" --save '' --appendonly no --logfile "$WORK/redis.log"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/imtsocial"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
}
