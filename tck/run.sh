#!/usr/bin/env bash
# Builds the driver, installs it into the local Maven repository, then runs the TCK against Tusk and pgjdbc
# (and a third driver if -Dtck.driver=… is given, see README.md) and writes tck/REPORT.md.
#
#   tck/run.sh                                 # both built-in drivers
#   tck/run.sh -Dtusk.test.pg=12.22.0          # on another PostgreSQL version
#   tck/run.sh -Dtest='Connection*Tck'         # one area (REPORT.md then covers only that area)
#
# Extra arguments go to the TCK's Maven run. Exit status: non-zero when the build or the gate fails (a test
# that pgjdbc passes and Tusk fails and known-gaps.txt does not list).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN="mvn -B -ntp"
echo "== tck: installing the driver (mvn -Dmaven.test.skip=true install) =="
# The driver's own tests are neither compiled nor run here: the TCK needs only the jar (and compiles its copy
# of the harness itself), and the root's `mvn verify` runs those tests anyway.
$MVN -q -Dmaven.test.skip=true install
echo "== tck: running the conformance kit =="
$MVN -f tck/pom.xml verify "$@"
