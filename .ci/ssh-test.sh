#!/usr/bin/env bash
# End-to-end test over a real OpenSSH server, as the man page's OVER SSH section deploys plein:
# a shared account whose ForceCommand is plein. Starts sshd on 127.0.0.1 at a high port with a
# temporary config, host key and test user, connects with `ssh -tt` inside tmux, and checks:
# plein renders and re-lays out on resize; two keys see separate bookmarks; -L, -R and -A
# forwarding, sftp and `ssh host /bin/sh` are refused or only ever run plein; cutting the client
# ends plein within 2 s. Installs openssh-server and tmux if missing; cleans up all it started.
# Needs root (it adds a user and runs sshd), as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null || (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null; }
need tmux tmux
need sshd openssh-server
need ssh openssh-client
BIN=${PLEIN_BIN:-$PWD/target/debug/plein}
[ -x "$BIN" ] || cargo build --locked -q

T=$(mktemp -d /tmp/plein-ssh.XXXXXX)
chmod 755 "$T"
USER_NAME="plein-e2e-$$"
PORT=$((20000 + $$ % 20000))
S="plein-ssh-$$"
export TMUX_TMPDIR="$T/tmux"
mkdir -p "$TMUX_TMPDIR"
SSHD_PID=
cleanup() {
  tmux kill-server 2>/dev/null || true
  [ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null || true
  pkill -u "$USER_NAME" 2>/dev/null || true
  sleep 0.2
  userdel -r "$USER_NAME" >/dev/null 2>&1 || userdel "$USER_NAME" >/dev/null 2>&1 || true
  rm -rf "$T"
}
trap cleanup EXIT
# A session that lives for the whole run, so the tmux server never exits between tests: killing
# the last session ends the server, and the next new-session can race its shutdown ("server
# exited unexpectedly").
tmux new-session -d -s keeper "sleep 100000"

# The plein binary must be reachable by the test user: copy it next to the config.
cp "$BIN" "$T/plein"
chmod 755 "$T/plein"
useradd -M -p '*' -d "$T/home" -s /bin/sh "$USER_NAME"  # '*': no password, not locked
mkdir -p "$T/home" "$T/data"
chown "$USER_NAME" "$T/home" "$T/data"
ssh-keygen -q -t ed25519 -N '' -f "$T/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$T/key1"
ssh-keygen -q -t ed25519 -N '' -f "$T/key2"
cat "$T/key1.pub" "$T/key2.pub" > "$T/authorized_keys"
chmod 644 "$T/authorized_keys"
mkdir -p /run/sshd
cat > "$T/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowUsers $USER_NAME
Subsystem sftp internal-sftp
Match User $USER_NAME
    ForceCommand env PLEIN_DATA_DIR=$T/data LANG=nl_NL.UTF-8 $T/plein
    DisableForwarding yes
    PermitTunnel no
    PermitUserRC no
    ExposeAuthInfo yes
    ClientAliveInterval 5
EOF
/usr/sbin/sshd -t -f "$T/sshd_config"
/usr/sbin/sshd -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
SSHD_PID=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

SSH_OPTS=(-p "$PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
  -o IdentitiesOnly=yes -o BatchMode=yes)
pane() { tmux capture-pane -p -t "$S"; }
fail() { echo "FAIL: $*"; echo "--- screen:"; pane 2>/dev/null || true; echo "--- sshd:"; tail -5 "$T/sshd.log"; exit 1; }
wait_for() {
  for _ in $(seq 1 100); do pane | grep -qF -- "$1" && return 0; sleep 0.05; done
  fail "timed out waiting for: $1"
}
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }

connect() { # connect with key $1 in a fresh 80x24 tmux session
  tmux kill-session -t "$S" 2>/dev/null || true
  tmux new-session -d -s "$S" -x 80 -y 24 \
    "ssh -tt -i $T/$1 ${SSH_OPTS[*]} $USER_NAME@127.0.0.1; echo SSH-EXIT:\$?; sleep 30"
  wait_for "Welkom bij plein"
}
leave() { # back to Home, quit, wait for the connection to close
  tmux send-keys -t "$S" Escape; sleep 0.2
  tmux send-keys -t "$S" Escape; sleep 0.2
  tmux send-keys -t "$S" q
  wait_for "SSH-EXIT:0"
}

connect key1
ok "plein renders over ssh -tt"
tmux resize-window -t "$S" -x 44 -y 14
wait_for "^Q snel weg"
tmux resize-window -t "$S" -x 80 -y 24
# At 80 columns the footer has room for Home's own keys again (at 44 only Enter's).
wait_for "? toetsen"
ok "a resize re-lays out"

tmux send-keys -t "$S" 1
wait_for "verhalen"
tmux send-keys -t "$S" b
wait_for "★"
tmux send-keys -t "$S" Escape
wait_for "Welkom bij plein"
tmux send-keys -t "$S" b
wait_for "1 bewaard"
leave
connect key2
tmux send-keys -t "$S" b
wait_for "nog geen bladwijzers"
leave
connect key1
tmux send-keys -t "$S" b
wait_for "1 bewaard"
leave
ok "two keys see separate bookmarks"

out=$(ssh -i "$T/key1" "${SSH_OPTS[@]}" "$USER_NAME@127.0.0.1" /bin/sh -c 'echo SHELL-RAN' 2>&1 || true)
case "$out" in *SHELL-RAN*) fail "ssh host /bin/sh ran a shell" ;; esac
case "$out" in *plein*) ;; *) fail "ssh host /bin/sh did not run plein: $out" ;; esac
ok "ssh host /bin/sh only runs plein"

if echo "ls" | sftp -b - -i "$T/key1" -P "$PORT" -o StrictHostKeyChecking=no \
  -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o BatchMode=yes \
  "$USER_NAME@127.0.0.1" >/dev/null 2>&1; then
  fail "sftp worked"
fi
ok "sftp is refused"

if ssh -i "$T/key1" "${SSH_OPTS[@]}" -o ExitOnForwardFailure=yes -R 127.0.0.1:0:127.0.0.1:"$PORT" \
  "$USER_NAME@127.0.0.1" true >/dev/null 2>&1; then
  fail "-R remote forwarding was allowed"
fi
LPORT=$((PORT + 1))
ssh -i "$T/key1" "${SSH_OPTS[@]}" -N -L 127.0.0.1:"$LPORT":127.0.0.1:"$PORT" "$USER_NAME@127.0.0.1" &
FWD=$!
sleep 1
banner=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$LPORT; head -c 7 <&3" 2>/dev/null || true)
kill "$FWD" 2>/dev/null || true
[ "$banner" = "SSH-2.0" ] && fail "-L local forwarding reached the server"
grep -q "refused local port forward" "$T/sshd.log" || fail "sshd did not refuse the -L forward"
eval "$(ssh-agent -s)" >/dev/null
ssh-add -q "$T/key2" 2>/dev/null
out=$(ssh -A -i "$T/key1" "${SSH_OPTS[@]}" "$USER_NAME@127.0.0.1" 'echo AGENT=$SSH_AUTH_SOCK' 2>&1 || true)
ssh-agent -k >/dev/null
case "$out" in *AGENT=/*) fail "-A agent forwarding reached a shell" ;; esac
ok "-L, -R and -A forwarding are refused"

connect key1
pid=$(pgrep -u "$USER_NAME" -f "$T/plein" | head -n1)
[ -n "$pid" ] || fail "no plein process for the test user"
pkill -9 -f "ssh -tt -i $T/key1" || fail "no ssh client to cut"
for _ in $(seq 1 40); do
  state=$(ps -o stat= -p "$pid" 2>/dev/null || true)
  case "$state" in ""|Z*) break ;; esac
  sleep 0.05
done
case "$(ps -o stat= -p "$pid" 2>/dev/null || true)" in ""|Z*) ;; *) fail "plein still running 2 s after the client was cut" ;; esac
sleep 0.5
pgrep -u "$USER_NAME" -f "$T/plein" >/dev/null && fail "a plein process is left over"
ok "cutting the client ends plein within 2 s, nothing left spinning"

echo "ssh: $passed passed, 0 failed"
