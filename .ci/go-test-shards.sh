#!/usr/bin/env bash
# go-test-shards.sh RUN [go test flags...]: `go test ./...` of the tests matching RUN ('' for every
# test, or '^TestAcc'), as two processes at once, and their outputs one after the other.
#
# Why: internal/aks's acceptance tests can't use t.Parallel (each sets the environment of its own
# emulator and CLI), so that package alone ran for most of the suite on one core. Its
# TestAccNodePool* tests run in one process, everything else in the other (-skip), so the two
# shards together are exactly the tests of one `go test -run RUN ./...`.
set -euo pipefail

run="$1"
shift
case "$run" in
'' | '^TestAcc') ;;
*)
  echo "go-test-shards.sh: RUN must be '' or '^TestAcc' (the shard pattern must lie inside it), not $run" >&2
  exit 2
  ;;
esac
shard='^TestAccNodePool'
go="${GO:-go}"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

rest=(-skip "$shard")
if [ -n "$run" ]; then
  rest=(-run "$run" "${rest[@]}")
fi
"$go" test "$@" -run "$shard" ./... >"$dir/nodepool.log" 2>&1 &
pid=$!
rc_rest=0
"$go" test "$@" "${rest[@]}" ./... >"$dir/rest.log" 2>&1 || rc_rest=$?
rc_nodepool=0
wait "$pid" || rc_nodepool=$?

echo "==> go test, tests other than $shard"
cat "$dir/rest.log"
echo "==> go test, $shard (beside the others)"
cat "$dir/nodepool.log"
if [ "$rc_rest" -ne 0 ] || [ "$rc_nodepool" -ne 0 ]; then
  exit 1
fi
