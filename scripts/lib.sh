# Shared by scripts/run and scripts/test: install what this machine lacks.
# Debian packages with apt-get (you are root), Python packages with uv from uv.lock.

UV_VERSION="0.13.9"
export UV_PYTHON_DOWNLOADS=never
export UV_LINK_MODE=copy

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
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# System libraries of the application itself: WeasyPrint (Pango, fonts), gettext.
APP_APT_PACKAGES=(gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 shared-mime-info)

ensure_python_env() {
  if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
    log "pip install uv==$UV_VERSION"
    python3 -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  fi
  log "uv sync --frozen $*"
  uv sync --frozen --quiet "$@"
}

compile_messages() {
  uv run --frozen --no-sync python manage.py compilemessages --ignore=.venv --ignore=var -v0
}
