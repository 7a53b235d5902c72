# Sourced by the install-apt.sh scripts. `apt_ensure PKG...` installs the Debian packages that are missing and
# does nothing when every one is present. Never give it python3-swiftclient: its /usr/bin/swift shadows the
# Swift toolchain. On this machine kind /usr/sbin/policy-rc.d exits 101, so the packages' own services are not
# started; Bojagi starts its own instances.
apt_ensure() {
    local p missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "installing: ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
