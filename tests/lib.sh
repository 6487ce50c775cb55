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
