#!/usr/bin/env bash
# Prints the path of the pinned terraform binary, built into ./bin on first use (see tools.sh).
exec bash "$(dirname "$0")/tools.sh" terraform
