#!/usr/bin/env bash
# End-to-end test of the real binary in a real terminal (tmux): start at 80x24, search, open a
# story, go back, resize, quit; the terminal is restored. Then hang-ups: SIGHUP, and the pty
# closing under plein (an SSH drop), each must end plein within 2 s. Installs tmux if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq tmux) >/dev/null
fi
BIN=${PLEIN_BIN:-$PWD/target/debug/plein}
[ -x "$BIN" ] || cargo build --locked -q
S="plein-e2e-$$"
export TMUX_TMPDIR
TMUX_TMPDIR=$(mktemp -d)
# Bookmarks go to a directory of this run, never to the home directory.
export PLEIN_DATA_DIR="$TMUX_TMPDIR/data"
cleanup() { tmux kill-server 2>/dev/null || true; rm -rf "$TMUX_TMPDIR"; }
trap cleanup EXIT
# A session that lives for the whole run, so the tmux server never exits between tests: killing
# the last session ends the server, and the next new-session can race its shutdown ("server
# exited unexpectedly").
tmux new-session -d -s keeper "sleep 100000"

pane() { tmux capture-pane -p -t "$S"; }
fail() { echo "FAIL: $*"; echo "--- screen:"; pane || true; exit 1; }
wait_for() {
  for _ in $(seq 1 100); do pane | grep -qF -- "$1" && return 0; sleep 0.05; done
  fail "timed out waiting for: $1"
}
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }

start() { # start plein in a fresh 80x24 session; the shell prints the exit code afterwards
  tmux kill-session -t "$S" 2>/dev/null || true
  tmux new-session -d -s "$S" -x 80 -y 24 "LANG=nl_NL.UTF-8 PLEIN_DATA_DIR=$PLEIN_DATA_DIR $BIN; echo PLEIN-EXIT:\$?; sleep 30"
  wait_for "Welkom bij plein"
}

start
ok "starts at 80x24 and shows Home"
tmux send-keys -t "$S" /
wait_for "Zoek:"
tmux send-keys -t "$S" -l "schulden"
wait_for "gevonden"
ok "search updates as you type"
tmux send-keys -t "$S" Enter Enter
for _ in $(seq 1 100); do pane | grep -qE "regel [0-9]|Let op:" && break; sleep 0.05; done
pane | grep -qE "regel [0-9]|Let op:" || fail "a story did not open"
ok "opens a story"
tmux send-keys -t "$S" Escape
wait_for "Zoek: schulden"
ok "back returns to the results"
tmux resize-window -t "$S" -x 44 -y 14
wait_for "^Q snel weg"
[ "$(pane | LC_ALL=C.UTF-8 wc -L)" -le 44 ] || fail "lines wider than the window after resize"
tmux resize-window -t "$S" -x 20 -y 6
wait_for "Venster te klein"
tmux resize-window -t "$S" -x 80 -y 24
# At 80 columns the footer has room for the results' own keys again (at 44 only Enter's).
wait_for "? toetsen"
ok "resizing re-lays out at once (44x14, 20x6, 80x24)"
tmux send-keys -t "$S" Escape Escape q
wait_for "PLEIN-EXIT:0"
pane | grep -qF "Welkom bij plein" && fail "the app's screen is left behind"
[ "$(tmux display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "still in the alternate screen"
[ "$(tmux display -p -t "$S" '#{cursor_flag}')" = 1 ] || fail "cursor left hidden"
ok "quits with exit 0 and restores the terminal"

start
tmux send-keys -t "$S" 1
wait_for "verhalen"
tmux send-keys -t "$S" b
wait_for "★"
tmux send-keys -t "$S" Escape   # alone: Esc then a letter at once reads as Alt-letter
wait_for "Welkom bij plein"
tmux send-keys -t "$S" b
wait_for "1 bewaard"
tmux send-keys -t "$S" n
wait_for "Notitie bij"
tmux send-keys -t "$S" -l "bellen op maandag"
tmux send-keys -t "$S" Escape
wait_for "✎ bellen op maandag"
tmux send-keys -t "$S" Escape
wait_for "Welkom bij plein"
tmux send-keys -t "$S" q
wait_for "PLEIN-EXIT:0"
"$BIN" bookmarks list | grep -qF "> bellen op maandag" || fail "the bookmark and its note were not kept"
ok "b keeps a story, its note is written in the app and kept on disk"

start
tmux send-keys -t "$S" d
wait_for "Hoe begon het?"
tmux send-keys -t "$S" -l "Dit is mijn begin"
tmux send-keys -t "$S" Tab
wait_for "moeilijkste moment"
pid=$(pgrep -P "$(tmux display -p -t "$S" '#{pane_pid}')" -f "$BIN" | head -n1)
kill -9 "$pid"
wait_for "PLEIN-EXIT:137"
"$BIN" drafts list | grep -qF "4 woorden" || fail "the draft did not survive a kill"
ok "a story being written survives a kill (saved as you go)"

start
tmux send-keys -t "$S" d
wait_for "Hoe begon het?"
tmux send-keys -t "$S" -l "Halverwege mijn zin zonder enter"
wait_for "zonder enter"
sleep 1.5   # a pause in typing saves
pid=$(pgrep -P "$(tmux display -p -t "$S" '#{pane_pid}')" -f "$BIN" | head -n1)
kill -9 "$pid"
wait_for "PLEIN-EXIT:137"
"$BIN" drafts show 2 | grep -qF "Halverwege mijn zin zonder enter" || fail "text typed a second before a kill was lost"
ok "a kill in the middle of a sentence loses at most the last second of typing"

for sig in TERM HUP; do
  start
  pid=$(pgrep -P "$(tmux display -p -t "$S" '#{pane_pid}')" -f "$BIN" | head -n1)
  kill -"$sig" "$pid"
  code=$((128 + $(kill -l "$sig")))
  wait_for "PLEIN-EXIT:$code"
  [ "$(tmux display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "SIG$sig left the alternate screen on"
  [ "$(tmux display -p -t "$S" '#{cursor_flag}')" = 1 ] || fail "SIG$sig left the cursor hidden"
  ok "SIG$sig restores the terminal and exits $code"
done

start
tmux send-keys -t "$S" /
wait_for "Zoek:"
tmux send-keys -t "$S" C-c
wait_for "PLEIN-EXIT:0"
ok "Ctrl-C quits at once outside kiosk"

start
tmux send-keys -t "$S" C-q
wait_for "PLEIN-EXIT:0"
sleep 0.5
# A cursor-position request (CSI 6n) on the way out would be answered by tmux into the shell,
# which echoes it as ^[[row;colR.
pane | grep -qF '^[[' && fail "leaving sent a terminal query; its answer reached the shell"
ok "snel weg sends no terminal query on the way out"

# A guest session on a corpus directory, with its own home and temp directory: afterwards no
# file anywhere holds the query or the note.
G="$TMUX_TMPDIR/guest"
mkdir -p "$G/home" "$G/tmp"
tmux kill-session -t "$S" 2>/dev/null || true
tmux new-session -d -s "$S" -x 80 -y 24 "HOME=$G/home TMPDIR=$G/tmp XDG_CACHE_HOME= XDG_DATA_HOME= PLEIN_DATA_DIR= LANG=nl_NL.UTF-8 $BIN --guest --corpus $PWD/tests/fixtures/corpus; echo PLEIN-EXIT:\$?; sleep 30"
wait_for "Gastsessie"
tmux send-keys -t "$S" /
wait_for "Zoek:"
tmux send-keys -t "$S" -l "casino"
wait_for "gevonden"
tmux send-keys -t "$S" Escape
wait_for "Welkom bij plein"
tmux send-keys -t "$S" 1
wait_for "verhalen"
tmux send-keys -t "$S" b
wait_for "★"
tmux send-keys -t "$S" Escape
wait_for "Welkom bij plein"
tmux send-keys -t "$S" b
wait_for "1 bewaard"
tmux send-keys -t "$S" n
wait_for "Notitie bij"
tmux send-keys -t "$S" -l "GASTNOTITIE"
tmux send-keys -t "$S" Escape
wait_for "GASTNOTITIE"
tmux send-keys -t "$S" Escape
wait_for "Welkom bij plein"
tmux send-keys -t "$S" q
wait_for "PLEIN-EXIT:0"
left=$(find "$G" -type f | head -n 5)
[ -z "$left" ] || fail "a guest session wrote files: $left"
# HOME holds the data and cache directories (XDG defaults), TMPDIR the temporary one.
hits=$(grep -rlsF -e casino -e GASTNOTITIE "$G" || true)
[ -z "$hits" ] || fail "the query or the note is left on disk: $hits"
ok "a guest session writes nothing: no file, no query, no note"

# Kiosk mode: q does not quit; Ctrl-Q wipes the session and blanks to a neutral Home.
tmux kill-session -t "$S" 2>/dev/null || true
tmux new-session -d -s "$S" -x 80 -y 24 "HOME=$G/home LANG=nl_NL.UTF-8 $BIN --kiosk; echo PLEIN-EXIT:\$?; sleep 30"
wait_for "Welkom bij plein"
tmux send-keys -t "$S" /
wait_for "Zoek:"
tmux send-keys -t "$S" -l "casino"
wait_for "gevonden"
tmux send-keys -t "$S" C-q
wait_for "Welkom bij plein"
pane | grep -qF "casino" && fail "the query is still on screen after Ctrl-Q"
tmux send-keys -t "$S" q
sleep 0.5
pane | grep -qF "PLEIN-EXIT" && fail "q quit a kiosk session"
wait_for "Welkom bij plein"
ok "kiosk: q does not quit, Ctrl-Q wipes the session to a neutral Home"

plein_pid() { pgrep -P "$(tmux display -p -t "$S" '#{pane_pid}')" -f "$BIN" | head -n1; }
gone_within_2s() { # gone, or exited and waiting for its parent to reap it (a zombie)
  for _ in $(seq 1 40); do
    state=$(ps -o stat= -p "$1" 2>/dev/null || true)
    case "$state" in ""|Z*) return 0 ;; esac
    sleep 0.05
  done
  return 1
}

# The theme `auto` asks the terminal for its background (OSC 11): a pane with a white
# background gets the light theme (white on blue top bar), and the answer never reaches the app
# as keys (a stray "1" of "11;rgb:…" would open theme 1).
tmux kill-session -t "$S" 2>/dev/null || true
tmux new-session -d -s "$S" -x 80 -y 24 "sleep 0.5; env -u COLORFGBG LANG=nl_NL.UTF-8 PLEIN_DATA_DIR=$PLEIN_DATA_DIR $BIN; echo PLEIN-EXIT:\$?; sleep 30"
tmux select-pane -t "$S" -P 'bg=#ffffff,fg=#000000'
wait_for "Welkom bij plein"
sleep 0.3
tmux capture-pane -p -e -t "$S" | head -1 | grep -qF '[48;5;4m' || fail "a white background did not get the light theme"
pane | grep -qF "plein › Start" || fail "the terminal's answer reached the app as keys"
tmux send-keys -t "$S" q
wait_for "PLEIN-EXIT:0"
pane | grep -qF '^[]' && fail "the background answer reached the shell"
ok "auto picks the light theme on a white background; the answer stays out of the app and shell"

start
pid=$(plein_pid)
[ -n "$pid" ] || fail "no plein process"
kill -HUP "$pid"
gone_within_2s "$pid" || fail "plein still running 2 s after SIGHUP"
ok "SIGHUP ends plein within 2 s"

start
pid=$(plein_pid)
tmux kill-session -t "$S"
gone_within_2s "$pid" || { ps -o pid,stat,pcpu,cmd -p "$pid" || true; fail "plein still running 2 s after its terminal closed"; }
ok "a closed terminal (SSH drop) ends plein within 2 s, no process left spinning"

echo "tmux: $passed passed, 0 failed"
