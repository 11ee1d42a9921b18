# shellcheck shell=bash
#
# scripts/bootstrap.sh -- sourced (never executed) by scripts/test and scripts/demo.
#
#   EXTRAS=dev; source scripts/bootstrap.sh    # venv with the [dev] extra
#   EXTRAS=;    source scripts/bootstrap.sh    # venv with the base package only
#
# On source it:
#   * sets REPO (the repository root, derived from this file's location) and VENV,
#   * defines apt_install and QT_RUNTIME_APT_PACKAGES,
#   * creates $REPO/.venv if needed and runs `pip install -e "$REPO[$EXTRAS]"`,
#     unless $VENV/.installed-<sha256(pyproject.toml)>-<extras> already exists.
# Set MEETINGROOM_SKIP_VENV=1 before sourcing to only get the functions.
# Set MEETINGROOM_PYTHON=/path/to/python to choose the interpreter for the venv.
#
# Safe under `set -euo pipefail`; does not change the caller's shell options.

# Debian packages the PySide6 6.x wheels need at runtime for the "offscreen"
# QPA platform on Debian 12 (libX11, freetype, zlib... come in as dependencies).
# Shared by scripts/test and scripts/demo; extend here.
# shellcheck disable=SC2034  # used by the scripts that source this file
QT_RUNTIME_APT_PACKAGES=(
    libgl1
    libegl1
    libxkbcommon0
    libfontconfig1
    libdbus-1-3
    libglib2.0-0
    fonts-dejavu-core
)

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VENV="$REPO/.venv"
EXTRAS="${EXTRAS:-}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

_bs_log() { printf '[bootstrap] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- apt_install
# apt_install PKG...  -- install the given Debian packages that are not yet
# installed. Runs `apt-get update` at most once per run (also across child
# shells, via MEETINGROOM_APT_UPDATED). Returns non-zero with a message when
# the packages are missing and cannot be installed.
apt_install() {
    local pkg status
    local -a missing=() sudo=()

    if ! command -v dpkg-query >/dev/null 2>&1; then
        _bs_log "ERROR: dpkg-query not found (not a Debian-based system?)."
        _bs_log "       Please install the equivalents of: $*"
        return 1
    fi
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi

    if [[ "$(id -u)" -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            _bs_log "ERROR: missing Debian packages: ${missing[*]}"
            _bs_log "       Not root and sudo is not available. Ask an administrator to run:"
            _bs_log "       apt-get install --no-install-recommends ${missing[*]}"
            return 1
        fi
        # Never block on a password prompt when there is no terminal (CI).
        if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        _bs_log "ERROR: missing Debian packages: ${missing[*]}, and apt-get is not available."
        return 1
    fi

    _bs_log "Installing missing Debian packages: ${missing[*]}"
    if [[ "${MEETINGROOM_APT_UPDATED:-0}" != 1 ]]; then
        if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
                apt-get -q -o DPkg::Lock::Timeout=300 update; then
            _bs_log "ERROR: 'apt-get update' failed; cannot install: ${missing[*]}"
            return 1
        fi
        export MEETINGROOM_APT_UPDATED=1
    fi
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "${missing[@]}"; then
        _bs_log "ERROR: could not install Debian packages: ${missing[*]}"
        _bs_log "       Install them manually: apt-get install --no-install-recommends ${missing[*]}"
        return 1
    fi
}

# ---------------------------------------------------------------- virtualenv
# Print the interpreter to build the venv with (Python >= 3.11).
_bs_find_python() {
    local cand
    for cand in ${MEETINGROOM_PYTHON:+"$MEETINGROOM_PYTHON"} python3 python3.11; do
        if command -v "$cand" >/dev/null 2>&1 &&
            "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
            command -v "$cand"
            return 0
        fi
    done
    _bs_log "ERROR: no Python >= 3.11 found (tried: ${MEETINGROOM_PYTHON:-} python3 python3.11)."
    return 1
}

_bs_create_venv() {
    local py
    py="$(_bs_find_python)" || return 1
    _bs_log "Creating virtualenv $VENV with $py"
    rm -rf "$VENV"
    if "$py" -m venv "$VENV"; then
        return 0
    fi
    # Debian's python3 ships ensurepip separately (python3-venv / python3.11-venv).
    rm -rf "$VENV"
    if [[ "$py" == /usr/bin/* ]]; then
        _bs_log "'$py -m venv' failed; trying to install python3-venv"
        local minor
        minor="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" || return 1
        apt_install "python$minor-venv" || return 1
        "$py" -m venv "$VENV" && return 0
        rm -rf "$VENV"
    fi
    _bs_log "ERROR: could not create a virtualenv with '$py -m venv'."
    return 1
}

# bootstrap_venv -- make sure $VENV exists and has "$REPO[$EXTRAS]" installed.
bootstrap_venv() {
    local hash stamp tag target

    if [[ ! -f "$REPO/pyproject.toml" ]]; then
        _bs_log "ERROR: $REPO/pyproject.toml not found."
        return 1
    fi
    if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
        _bs_create_venv || return 1
    fi

    hash="$(sha256sum "$REPO/pyproject.toml" | cut -c1-16)" || return 1
    tag="${EXTRAS:-base}"
    stamp="$VENV/.installed-$hash-$tag"
    if [[ -e "$stamp" ]]; then
        return 0
    fi
    # Any extras install also satisfies the base install.
    if [[ -z "$EXTRAS" ]]; then
        if compgen -G "$VENV/.installed-$hash-*" >/dev/null; then
            return 0
        fi
    fi

    _bs_log "Installing $REPO${EXTRAS:+[$EXTRAS]} into $VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip || return 1
    target="$REPO"
    if [[ -n "$EXTRAS" ]]; then target="${REPO}[${EXTRAS}]"; fi
    "$VENV/bin/python" -m pip install --quiet -e "$target" || return 1
    # Stamps for an older pyproject.toml are obsolete.
    find "$VENV" -maxdepth 1 -name '.installed-*' -type f -delete || return 1
    : >"$stamp"
}

if [[ "${MEETINGROOM_SKIP_VENV:-0}" != 1 ]]; then
    bootstrap_venv || return 1
fi
