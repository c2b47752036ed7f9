#!/usr/bin/env python3
"""Many TUI sessions on one host, as on a shared SSH server: `python3 benches/sessions.py`.

Each session is a real `plein` in its own pseudo-terminal (80x24), driven like a visitor: start,
search ("/" then "schulden", one key at a time), open the first hit, then sit idle. For N
concurrent sessions (1, 20, 100 by default) it prints per session, after the idle pause:
private memory (Private_Clean + Private_Dirty), proportional memory (Pss) and Rss from
/proc/PID/smaps_rollup, and CPU time per keystroke (from /proc/PID/task/*/schedstat, over the
keys typed and the frames they caused).

It also times start-up from outside the process: pty spawn until the complete Home screen has
arrived (its last line, the footer, ends in "snel weg"), against `echo` through the same
harness (the floor of spawning anything in a pty). The harness answers the two queries plein
sends at start-up as a terminal does (xterm, VTE, kitty, tmux all answer both at once): the
background colour (OSC 11) and the device attributes (DA1). `--mute` leaves them unanswered, as
a terminal that ignores both would: plein then waits its full bound before the first frame.

Options: --bin PATH (default target/release/plein), --sessions 1,20,100, --starts 30, --mute.
Linux only (it reads /proc). Sessions run with a temporary HOME and cache directory.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

FOOTER = b"snel weg"
# What a terminal answers to plein's start-up queries: a dark background, a VT220 with colour.
OSC11_QUERY, OSC11_ANSWER = b"\x1b]11;?", b"\x1b]11;rgb:0000/0000/0000\x1b\\"
DA1_QUERY, DA1_ANSWER = b"\x1b[c", b"\x1b[?62;22c"
# Escape sequences (ratatui moves the cursor over blank cells instead of writing spaces).
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def winsize(fd, rows=24, cols=80):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class Session:
    answer = True

    def __init__(self, argv, env):
        self.master, slave = pty.openpty()
        winsize(slave)
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.out = bytearray()

    def drain(self, timeout=0.0):
        """Reads what the session wrote; True while the pty is open."""
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return False
        if not data:
            return False
        if self.answer:
            seen = bytes(self.out[-8:]) + data
            if OSC11_QUERY in seen:
                os.write(self.master, OSC11_ANSWER)
            if DA1_QUERY in seen:
                os.write(self.master, DA1_ANSWER)
        self.out += data
        return True

    def wait_for(self, marker, since, timeout=10.0):
        """Seconds from t0 until `marker` appears in the output after offset `since`."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if marker in ESCAPES.sub(b" ", bytes(self.out[since:])):
                return time.perf_counter() - self.t0
            if not self.drain(0.05):
                break
        raise RuntimeError(f"no {marker!r} in output: {bytes(self.out[-400:])!r}")

    def send(self, data):
        os.write(self.master, data)

    def cpu(self):
        """CPU seconds so far, all threads (schedstat: nanoseconds, unlike stat's ticks)."""
        total = 0
        for tid in os.listdir(f"/proc/{self.proc.pid}/task"):
            with open(f"/proc/{self.proc.pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        return total / 1e9

    def memory(self):
        kb = {}
        with open(f"/proc/{self.proc.pid}/smaps_rollup") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[2] == "kB":
                    kb[parts[0].rstrip(":")] = int(parts[1])
        private = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
        return private / 1024, kb.get("Pss", 0) / 1024, kb.get("Rss", 0) / 1024

    def close(self):
        try:
            self.send(b"\x11")  # Ctrl-Q: quick exit
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def drain_all(sessions, seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        fds = [s.master for s in sessions]
        r, _, _ = select.select(fds, [], [], 0.05)
        for s in sessions:
            if s.master in r:
                s.drain()


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def startup(argv, env, runs, marker):
    times = []
    for _ in range(runs):
        s = Session(argv, env)
        times.append(s.wait_for(marker, 0) * 1000)
        s.close()
    times.sort()
    return times


def run_sessions(argv, env, n, query):
    sessions = [Session(argv, env) for _ in range(n)]
    for s in sessions:
        s.wait_for(FOOTER, 0, timeout=60)
    drain_all(sessions, 0.3)
    cpu0 = [s.cpu() for s in sessions]
    keys = 0
    # Search: "/" then the query one key at a time, a visitor's pace (every session at once).
    for key in [b"/"] + [bytes([c]) for c in query.encode()]:
        for s in sessions:
            s.send(key)
        keys += 1
        drain_all(sessions, 0.05)
    drain_all(sessions, 0.5)
    for s in sessions:
        s.wait_for(b"gevonden", 0, timeout=30)
    # Enter goes to the results, Enter again opens the first hit (or its content-note gate),
    # and Enter once more opens the story itself.
    for _ in range(3):
        for s in sessions:
            s.send(b"\r")
        keys += 1
        drain_all(sessions, 0.3)
    cpu1 = [s.cpu() for s in sessions]
    drain_all(sessions, 2.0)  # idle
    mem = [s.memory() for s in sessions]
    for s in sessions:
        s.close()
    per_key = [(b - a) * 1000 / keys for a, b in zip(cpu0, cpu1)]
    return mem, per_key, keys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="target/release/plein")
    ap.add_argument("--sessions", default="1,20,100")
    ap.add_argument("--starts", type=int, default=30)
    ap.add_argument("--query", default="schulden")
    ap.add_argument("--mute", action="store_true", help="leave the terminal queries unanswered")
    a = ap.parse_args()
    Session.answer = not a.mute
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"{a.bin}: not built (cargo build --release)")
    home = tempfile.mkdtemp(prefix="plein-sessions-")
    env = {
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "PLEIN_CACHE_DIR": os.path.join(home, "cache", "index"),
        "TERM": "xterm-256color",
        "LANG": "nl_NL.UTF-8",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    size = os.path.getsize(a.bin) / (1024 * 1024)
    print(f"binary {a.bin}: {size:.2f} MiB")
    echo = startup(["/bin/echo", "snel weg"], env, a.starts, FOOTER)
    home_t = startup([a.bin], env, a.starts, FOOTER)
    print(
        f"start -> complete Home screen in a pty, {a.starts} runs: "
        f"p50 {median(home_t):.2f} ms, min {home_t[0]:.2f}, max {home_t[-1]:.2f} "
        f"(echo through the same harness: p50 {median(echo):.2f} ms; terminal queries "
        f"{'unanswered' if a.mute else 'answered'})"
    )
    for n in [int(x) for x in a.sessions.split(",") if x]:
        mem, per_key, keys = run_sessions([a.bin], env, n, a.query)
        private = [m[0] for m in mem]
        pss = [m[1] for m in mem]
        rss = [m[2] for m in mem]
        print(
            f"{n:>4} sessions (idle after search and open, {keys} keys each): "
            f"private p50 {median(private):.2f} MiB (max {max(private):.2f}), "
            f"PSS p50 {median(pss):.2f} MiB, RSS p50 {median(rss):.2f} MiB, "
            f"CPU per key p50 {median(per_key):.2f} ms (max {max(per_key):.2f})"
        )


if __name__ == "__main__":
    main()
