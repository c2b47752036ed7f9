#!/usr/bin/env bash
# Voorlezen for real: installs espeak-ng (and PulseAudio, for a null sound card that plays in
# real time) when missing, then
#  1. runs plein's own speech command line with espeak-ng writing a wav file (no sound card
#     needed): the file must be a valid, non-empty RIFF/WAVE (tests/speech.rs, `real`);
#  2. in tmux: opening a story and pressing v starts espeak-ng as plein's own child (no shell),
#     the highlight moves on when a sentence has been spoken, and v, Esc, leaving the story,
#     Ctrl-Q, the kiosk wipe, SIGTERM, SIGHUP and a closed terminal each stop it (no espeak-ng
#     left, checked with pgrep); with read_aloud = false, or over SSH, v is not shown and
#     starts nothing.
# It never skips: a missing tool is installed, and one that cannot be installed fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v pulseaudio >/dev/null || need+=(pulseaudio)
command -v tmux >/dev/null || need+=(tmux)
command -v pgrep >/dev/null || need+=(procps)
if [ ${#need[@]} -gt 0 ]; then
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null
fi
command -v espeak-ng >/dev/null || { echo "FAIL: espeak-ng could not be installed"; exit 1; }

echo "== espeak-ng with plein's command line, into a wav file"
PLEIN_SPEECH_REAL=1 cargo test --locked --test integration speech::real

BIN=${PLEIN_BIN:-$PWD/target/debug/plein}
[ -x "$BIN" ] || cargo build --locked -q
S="plein-speech-$$"
export TMUX_TMPDIR
TMUX_TMPDIR=$(mktemp -d)
export PLEIN_DATA_DIR="$TMUX_TMPDIR/data"

# A PulseAudio of this run with a null sink: espeak-ng plays into it at the speed of speech, so
# a sentence takes as long as it would through a loudspeaker.
export XDG_RUNTIME_DIR="$TMUX_TMPDIR/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/pulse/native"
cleanup() {
  tmux kill-server 2>/dev/null || true
  pulseaudio --kill 2>/dev/null || true
  rm -rf "$TMUX_TMPDIR"
}
trap cleanup EXIT
pulseaudio --daemonize=yes --exit-idle-time=-1 -n \
  --load="module-null-sink sink_name=plein" --load="module-native-protocol-unix" 2>/dev/null
for _ in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl info >/dev/null 2>&1 || { echo "FAIL: the null sound card (PulseAudio) did not start"; exit 1; }
start=$(date +%s%N)
echo "Dit is een zin om te meten." | espeak-ng -v nl -s 150 --stdin 2>/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -ge 800 ] || { echo "FAIL: espeak-ng played a sentence in $ms ms: not in real time"; exit 1; }

tmux new-session -d -s keeper "sleep 100000"
pane() { tmux capture-pane -p -t "$S"; }
fail() { echo "FAIL: $*"; echo "--- screen:"; pane || true; exit 1; }
wait_for() {
  for _ in $(seq 1 100); do pane | grep -qF -- "$1" && return 0; sleep 0.05; done
  fail "timed out waiting for: $1"
}
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
plein_pid() { pgrep -P "$(tmux display -p -t "$S" '#{pane_pid}')" -f "$BIN" | head -n1; }
voices() { pgrep -x espeak-ng || true; }
no_voice_within_1s() {
  for _ in $(seq 1 20); do [ -z "$(voices)" ] && return 0; sleep 0.05; done
  return 1
}

start() { # plein on the fixture corpus, at WxH, with extra arguments, not in an SSH session
  # (where reading aloud is off), or with $4 as SSH_CONNECTION; opens the first story
  tmux kill-session -t "$S" 2>/dev/null || true
  local ssh="-u SSH_CONNECTION"
  [ -n "${4:-}" ] && ssh="SSH_CONNECTION='$4'"
  tmux new-session -d -s "$S" -x "$1" -y "$2" "env -u SSH_CLIENT -u SSH_TTY $ssh LANG=nl_NL.UTF-8 $BIN --corpus $PWD/tests/fixtures/corpus ${3:-}; echo PLEIN-EXIT:\$?; sleep 30"
  wait_for "Welkom bij plein"
  tmux send-keys -t "$S" 1
  wait_for "verhalen"
  tmux send-keys -t "$S" Enter
  wait_for "De brieven bleven dicht"
  wait_for "regel 1"
}

[ -z "$(voices)" ] || { echo "FAIL: an espeak-ng is already running"; exit 1; }

start 200 50
wait_for "v voorlezen"
tmux send-keys -t "$S" v
wait_for "Voorlezen: zin 1 van 6"
pid=$(plein_pid)
voice=$(voices)
[ -n "$voice" ] || fail "v started no espeak-ng"
[ "$(ps -o ppid= -p "$voice" | tr -d ' ')" = "$pid" ] || fail "espeak-ng is not plein's own child (a shell in between?)"
args=$(tr '\0' ' ' < "/proc/$voice/cmdline")
[ "$args" = "$(command -v espeak-ng) -v nl -s 150 --stdin " ] || fail "espeak-ng ran as: $args"
ok "v starts espeak-ng as plein's child, no shell, with fixed arguments ($args)"
wait_for "Voorlezen: zin 2 van 6"
ok "the highlight moves on when espeak-ng has spoken a sentence"
tmux send-keys -t "$S" v
no_voice_within_1s || fail "v did not stop espeak-ng"
wait_for "regel 1"
ok "v stops it"

tmux send-keys -t "$S" v
wait_for "Voorlezen: zin"
[ -n "$(voices)" ] || fail "v started no espeak-ng"
tmux send-keys -t "$S" Escape
no_voice_within_1s || fail "Esc did not stop espeak-ng"
wait_for "De brieven bleven dicht"
ok "Esc stops it and stays in the story"

tmux send-keys -t "$S" v
wait_for "Voorlezen: zin"
[ -n "$(voices)" ] || fail "v started no espeak-ng"
tmux send-keys -t "$S" F1
wait_for "plein › Hulp nu"
no_voice_within_1s || fail "leaving the story did not stop espeak-ng"
ok "leaving the story (F1, Hulp nu) stops it"
tmux send-keys -t "$S" Escape
wait_for "De brieven bleven dicht"

tmux send-keys -t "$S" v
wait_for "Voorlezen: zin"
[ -n "$(voices)" ] || fail "v started no espeak-ng"
tmux send-keys -t "$S" C-q
wait_for "PLEIN-EXIT:0"
no_voice_within_1s || fail "Ctrl-Q left espeak-ng running"
ok "snel weg (Ctrl-Q) stops it"

for sig in TERM HUP; do
  start 200 50
  tmux send-keys -t "$S" v
  wait_for "Voorlezen: zin"
  [ -n "$(voices)" ] || fail "v started no espeak-ng"
  kill -"$sig" "$(plein_pid)"
  wait_for "PLEIN-EXIT:$((128 + $(kill -l "$sig")))"
  no_voice_within_1s || fail "SIG$sig left espeak-ng running"
  ok "SIG$sig stops it"
done

start 200 50
tmux send-keys -t "$S" v
wait_for "Voorlezen: zin"
[ -n "$(voices)" ] || fail "v started no espeak-ng"
tmux kill-session -t "$S"
for _ in $(seq 1 40); do [ -z "$(voices)" ] && break; sleep 0.05; done
[ -z "$(voices)" ] || fail "a closed terminal left espeak-ng running"
ok "a closed terminal (an SSH drop) stops it within 2 s"

start 200 50 --kiosk
tmux send-keys -t "$S" v
wait_for "Voorlezen: zin"
[ -n "$(voices)" ] || fail "v started no espeak-ng in kiosk mode"
tmux send-keys -t "$S" C-q
wait_for "Welkom bij plein"
no_voice_within_1s || fail "the kiosk wipe left espeak-ng running"
ok "kiosk mode allows it; the wipe (Ctrl-Q) stops it"

printf 'read_aloud = false\n' > "$TMUX_TMPDIR/off.toml"
start 200 50 "--config $TMUX_TMPDIR/off.toml"
pane | grep -qF "voorlezen" && fail "v is shown while read_aloud = false"
tmux send-keys -t "$S" v
sleep 0.5
[ -z "$(voices)" ] || fail "v started espeak-ng while read_aloud = false"
pane | grep -qF "Voorlezen: zin" && fail "reading aloud while read_aloud = false"
ok "read_aloud = false: v is not shown and starts nothing"

start 200 50 "" "10.0.0.1 50000 10.0.0.2 22"
pane | grep -qF "voorlezen" && fail "v is shown over SSH"
tmux send-keys -t "$S" v
sleep 0.5
[ -z "$(voices)" ] || fail "v started espeak-ng over SSH"
ok "over SSH (SSH_CONNECTION): v is not shown and starts nothing"

echo "speech: $passed passed, 0 failed"
