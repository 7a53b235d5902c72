#!/usr/bin/env bash
# Copy each service's oslo-config-generator file (the option namespaces its sample config is made of) at the
# version scripts/lab/constraints-RELEASE.txt pins, from the services' git mirrors, into generators/RELEASE/.
# run.sh hands them to oslo-config-validator, so a lab config is checked against that release's own options.
#
#   Tests/Integration/releases/copy-generators.sh RELEASE [MIRRORS]     (MIRRORS: /work/.mirror)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RELEASE="${1:?usage: copy-generators.sh RELEASE [MIRRORS]}"
MIRRORS="${2:-/work/.mirror}"
CONSTRAINTS="$HERE/../../../scripts/lab/constraints-$RELEASE.txt"
OUT="$HERE/generators/$RELEASE"
mkdir -p "$OUT"
# lab file : PyPI name : repository : path of the generator file in it
for entry in keystone.conf:keystone:keystone:config-generator/keystone.conf \
             glance-api.conf:glance:glance:etc/oslo-config-generator/glance-api.conf \
             placement.conf:openstack-placement:placement:etc/placement/config-generator.conf \
             nova.conf:nova:nova:etc/nova/nova-config-generator.conf \
             neutron.conf:neutron:neutron:etc/oslo-config-generator/neutron.conf \
             ml2_conf.ini:neutron:neutron:etc/oslo-config-generator/ml2_conf.ini \
             cinder.conf:cinder:cinder:tools/config/cinder-config-generator.conf \
             heat.conf:openstack-heat:heat:etc/heat/heat-config-generator.conf; do
    IFS=: read -r file pypi repo path <<< "$entry"
    version="$(grep -iE "^$pypi={2,3}" "$CONSTRAINTS" | head -1 | sed -E 's/^[^=]+={2,3}//; s/;.*//')"
    git="$MIRRORS/openstack+$repo/repo"
    commit="$(git -C "$git" rev-parse "$version^{commit}")"
    { echo "# openstack/$repo $version ($commit): $path"
      echo "# copied by Tests/Integration/releases/copy-generators.sh $RELEASE; the namespaces of $file's options."
      git -C "$git" show "$version:$path" | grep -vE '^(output_file|wrap_width|summarize|format) *='; } > "$OUT/$file"
done
ls "$OUT"
