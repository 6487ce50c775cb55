# tests/lib.sh - what the shell tests share; each sources it with
#   . "$(dirname "$0")/lib.sh"
# after setting D, its output folder. fails counts the failed checks;
# "ok NAME" and "no NAME" report one check; "t NAME TEST" evaluates the
# shell condition TEST and reports it; when it fails and T_SHOW is set,
# the first T_SHOW lines of $D/out are shown under it.
fails=0
ok() { echo "ok - $1"; }
no() { echo "not ok - $1"; fails=$((fails + 1)); }
t() {
	if eval "$2"; then
		ok "$1"
	else
		no "$1"
		if [ -n "${T_SHOW:-}" ]; then
			sed 's/^/#   /' "$D/out" 2>/dev/null | head -"$T_SHOW"
		fi
	fi
}

# needs CMD…: when a command is missing, reports the whole test as skipped
# and ends it (tools/deps.sh installs them all).
needs() {
	for p in "$@"; do
		if ! command -v "$p" > /dev/null; then
			echo "ok - # SKIP $p is not installed (tools/deps.sh installs it)"
			exit 0
		fi
	done
}

# free_port: prints a TCP port of 127.0.0.1 that nobody listens on.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# npm_tools NAME MODULE: installs the npm packages pinned in
# tests/NAME/package-lock.json into build/NAME with "npm ci" (no browser
# download), unless MODULE is there already from the same lock file; sets
# NPM_DIR. Needs ROOT. An unreachable registry skips the whole test; any
# other failure of npm is a failed check that ends it.
npm_tools() {
	NPM_DIR=$ROOT/build/$1
	if cmp -s "$ROOT/tests/$1/package-lock.json" "$NPM_DIR/package-lock.json" &&
	    [ -d "$NPM_DIR/node_modules/$2" ]; then
		return 0
	fi
	rm -rf "$NPM_DIR" && mkdir -p "$NPM_DIR"
	cp "$ROOT/tests/$1/package.json" "$ROOT/tests/$1/package-lock.json" "$NPM_DIR/"
	if (cd "$NPM_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
	    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit \
	    --no-fund > "$D/npm.log" 2>&1); then
		return 0
	fi
	rm -rf "$NPM_DIR"
	if grep -q 'ENOTFOUND\|EAI_AGAIN\|ECONNREFUSED\|ETIMEDOUT' "$D/npm.log"; then
		echo "ok - # SKIP npm ci could not reach the registry (offline)"
		exit 0
	fi
	no "npm ci installs $2 (see $D/npm.log)"
	exit 1
}
