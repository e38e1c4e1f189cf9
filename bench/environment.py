"""Where a benchmark runs: the machine, the Glasshart revision and QEMU's
version that a report names, and the glasshart-cli of a build directory.

Shared by the benchmark scripts of this folder (standard library only).
"""

import os
import platform
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FETCH_LINUX_GUEST = REPO / "packaging" / "fetch-linux-guest"
FETCH_UNAVAILABLE = 3  # fetch-linux-guest's status for "the mirror cannot be reached"


def find_cli(build_dir):
    """glasshart-cli inside the build directory, or None."""
    preferred = build_dir / "app" / "cli" / "glasshart-cli"
    if preferred.is_file() and os.access(preferred, os.X_OK):
        return preferred
    for root, dirs, files in os.walk(build_dir):
        dirs.sort()
        if "glasshart-cli" in files:
            candidate = Path(root) / "glasshart-cli"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    return None


def machine_description():
    """(CPU model, number of cores) of this machine."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return model, os.cpu_count() or 1


def program_version(program):
    """The first line of `<program> --version` for a program on PATH, or None."""
    path = shutil.which(program)
    if not path:
        return None
    try:
        first = subprocess.run([path, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               timeout=10).stdout.decode(errors="replace").splitlines()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return first[0].strip() if first else None


def qemu_version(xlen):
    """The first line of `qemu-system-riscv<xlen> --version`, or None."""
    return program_version(f"qemu-system-riscv{xlen}")


def git_revision():
    """The abbreviated commit of this checkout, or None."""
    try:
        result = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.decode().strip() or None


def linux_guest_dir():
    """(directory, None) of the Debian guest packaging/fetch-linux-guest keeps
    (fetching it first if needed), or (None, why not)."""
    try:
        result = subprocess.run([str(FETCH_LINUX_GUEST), "--print-dir"], stdout=subprocess.PIPE)
    except OSError as error:
        return None, f"cannot run {FETCH_LINUX_GUEST.name}: {error}"
    if result.returncode == FETCH_UNAVAILABLE:
        return None, ("the Linux guest is not cached and the Debian mirror cannot be reached (see above); "
                      "run packaging/fetch-linux-guest once with network access")
    if result.returncode != 0:
        return None, f"{FETCH_LINUX_GUEST.name} failed with status {result.returncode} (see above)"
    return Path(result.stdout.decode().strip()), None
