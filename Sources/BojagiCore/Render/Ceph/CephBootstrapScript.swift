/// ceph/bootstrap.sh brings the cluster up with cephadm, then runs ceph/pools.sh, which creates what OpenStack
/// needs — CRUSH rules per tier, the pools of `CephLayout`, the client keys of keys.yml with the caps of Ceph's
/// "Block Devices and OpenStack" guide. pools.sh is a file of its own so that it runs whole against any cluster
/// the `ceph` CLI reaches (the lab's runs without cephadm). Secrets stay in keys.yml; the scripts read them when
/// they run. Both are safe to run again.
enum CephBootstrapScript {
    static let path = "ceph/bootstrap.sh"
    static let poolsPath = "ceph/pools.sh"

    static func render(_ cluster: CephCluster, context: RenderContext) -> String {
        let networks = context.blueprint.networks
        var out = "#!/usr/bin/env bash\n" + context.header("Ceph bootstrap")
        let first = cluster.monitors.first
        out += """
            # Run as root on \(first?.name ?? "the first monitor host") from the deployment directory: bash ceph/bootstrap.sh
            # Needs cephadm (\(cluster.release)) on this host and root SSH from here to every host in cluster-spec.yaml.
            set -euo pipefail
            umask 077

            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            keys="$here/keys.yml"

            # One value from keys.yml, or another file Bojagi wrote the same way (`name: 'value'`): value NAME [FILE]
            value() {
              local found file="${2:-$keys}"
              found="$(awk -v name="$1:" '$1 == name { v = $2; gsub("\\047", "", v); print v }' "$file")"
              if [[ -z "$found" ]]; then
                echo "bootstrap.sh: '$1' is missing from $file; run bojagi render" >&2
                return 1
              fi
              printf '%s\\n' "$found"
            }

            fsid="$(value fsid)"
            command -v cephadm >/dev/null || { echo "bootstrap.sh: install cephadm (\(cluster.release)) first" >&2; exit 1; }


            """
        out += "# 1. The first monitor and manager. cephadm's own monitoring stack is skipped: kolla-ansible runs Prometheus\n"
        out += "#    and its node exporter on these hosts.\n"
        if let first {
            var bootstrap = "cephadm bootstrap --mon-ip \(shell(CephCluster.address(first))) --fsid \"$fsid\" --skip-monitoring-stack"
            if let cidr = networks.storage?.cidr { bootstrap += " --cluster-network \(shell(cidr))" }
            // One host: Ceph's own pools (.mgr, RGW's) must place their replicas across OSDs, not hosts.
            if cluster.hosts.count == 1 { bootstrap += " --single-host-defaults" }
            out += "if [[ ! -d \"/var/lib/ceph/$fsid\" ]]; then\n  \(bootstrap)\nfi\n"
        } else {
            out += "echo 'bootstrap.sh: the blueprint has no control or storage host for a monitor' >&2\nexit 1\n"
        }
        out += "command -v ceph >/dev/null || { cephadm add-repo --release \(shell(cluster.release)); cephadm install ceph-common; }\n"
        if let cidr = networks.management.cidr {
            out += "ceph config set global public_network \(shell(cidr))\n"
        }
        if let cidr = networks.storage?.cidr {
            out += "ceph config set global cluster_network \(shell(cidr))\n"
        }
        if context.blueprint.monitoring.prometheus {
            // --skip-monitoring-stack leaves the module off; kolla's Prometheus scrapes it (globals.yml).
            out += "ceph mgr module enable prometheus\n"
        }

        out += "\n# 2. Hosts, monitors, managers, OSDs\(cluster.rgw ? " and RGW" : "") from cluster-spec.yaml.\n"
        for host in cluster.hosts where host.name != first?.name {
            out += "ssh-copy-id -f -i /etc/ceph/ceph.pub \(shell("root@" + CephCluster.address(host)))\n"
        }
        out += "ceph orch apply -i \"$here/cluster-spec.yaml\"\n"
        let expected = context.plan.topology?.ceph?.tiers.reduce(0) { $0 + $1.osds } ?? 0
        if expected > 0 {
            out += """
                # Wait (up to an hour) for the \(expected) OSDs the blueprint describes, so pools land on their tiers.
                for _ in $(seq 360); do
                  [[ "$(ceph osd ls | wc -l)" -ge \(expected) ]] && break
                  sleep 10
                done
                [[ "$(ceph osd ls | wc -l)" -ge \(expected) ]] || echo "bootstrap.sh: only $(ceph osd ls | wc -l) of \(expected) OSDs exist; creating the pools anyway" >&2

                """
        }
        out += "\n# 3.–5. CRUSH rules, pools and OpenStack's clients: pools.sh beside this file (it also runs alone).\n"
        out += "bash \"$here/pools.sh\"\n"

        if cluster.rgw {
            // kolla registers RGW's Swift endpoints in Keystone (enable_ceph_rgw, /swift/v1 since
            // ceph_rgw_swift_compatibility stays false); RGW must accept Keystone tokens to match.
            let vip = context.blueprint.networks.vip.internalFQDN ?? context.blueprint.networks.vip.internal
                ?? context.blueprint.hosts.first { $0.roles.contains(.control) }?.address ?? "127.0.0.1"
            let scheme = context.blueprint.tls.internal ? "https" : "http"
            out += "\n# 5b. RGW accepts Keystone tokens for the Swift endpoints kolla-ansible registers (user ceph_rgw).\n"
            out += "rgw_password=\"$(value ceph_rgw_keystone_password \"$here/../passwords.yml\")\"\n"
            for (option, value) in [("rgw_keystone_url", "\(scheme)://\(vip):5000"), ("rgw_keystone_api_version", "3"),
                                    ("rgw_keystone_admin_user", "ceph_rgw"), ("rgw_keystone_admin_project", "service"),
                                    ("rgw_keystone_admin_domain", "default"), ("rgw_keystone_accepted_roles", "member,admin"),
                                    ("rgw_keystone_accepted_admin_roles", "admin"), ("rgw_s3_auth_use_keystone", "true")] {
                out += "ceph config set client.rgw \(option) \(shell(value))\n"
            }
            out += "ceph config set client.rgw rgw_keystone_admin_password \"$rgw_password\"\n"
            out += "ceph orch restart rgw.\(CephClusterSpec.rgwServiceID)\n"
        }

        out += "\n# 6. The cluster answers.\nceph -s\n"
        return out
    }


    /// ceph/pools.sh: sections 3 to 5 of the bootstrap — the OSDs' full ratios, a CRUSH rule per tier, Ceph's own
    /// pools moved onto a tier rule (3b), the pools, CephFS, the clients.
    static func renderPools(_ cluster: CephCluster, context: RenderContext) -> String {
        let ceph = cluster.ceph
        let domain = ceph.failureDomain.rawValue
        var out = "#!/usr/bin/env bash\n" + context.header("Ceph pools, CRUSH rules and OpenStack's clients")
        out += """
            # Sections 3 to 5 of ceph/bootstrap.sh, which runs this file once the OSDs exist. It runs alone against any
            # cluster the `ceph` and `rbd` commands reach (CEPH_CONF, CEPH_ARGS): `bojagi lab up` runs it on the lab's.
            # Safe to run again.
            set -euo pipefail
            umask 077

            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            keys="$here/keys.yml"
            work="$(mktemp -d)"
            trap 'rm -rf "$work"' EXIT

            # One value from keys.yml: value NAME
            value() {
              local found
              found="$(awk -v name="$1:" '$1 == name { v = $2; gsub("\\047", "", v); print v }' "$keys")"
              if [[ -z "$found" ]]; then
                echo "pools.sh: '$1' is missing from $keys; run bojagi render" >&2
                return 1
              fi
              printf '%s\\n' "$found"
            }


            """
        out += batchFunction + waitAllFunction + importClientFunction
        out += """

            # A CRUSH rule's numeric id: rule_id NAME
            rule_id() {
              ceph osd crush rule dump "$1" --format json | sed -n 's/.*"rule_id": *\\([0-9][0-9]*\\).*/\\1/p'
            }

            {
            cat <<'CEPH'
            ceph osd set-nearfull-ratio \(ratio(ceph.nearfullRatio))
            # RBD clone v2 (Mimic and later clients, which every supported release's are): Glance can then delete an
            # image that volumes or instance disks were cloned from — it moves it to the RBD trash. With v1 clones the
            # image's protected snapshot cannot be unprotected while clones exist, and the delete fails with a 409
            # (Cinder logs "Not using v2 clone API"; Tempest's image-dependency tests fail).
            ceph osd set-require-min-compat-client mimic

            """

        out += "# 3. CRUSH rules per tier: replicas or chunks on distinct \(domain)s of the tier's device class.\nCEPH\n"
        // A class exists once an OSD carries it; the old `2>/dev/null || true` hid what creating it again answers, so
        // only the missing ones are created (and any failure counts).
        let classes = Array(Set(ceph.tiers.map(\.deviceClass))).sorted().map(shell).joined(separator: " ")
        out += "existing=\"$(ceph osd crush class ls)\"\n"
        out += "for class in \(classes); do\n  grep -q \"\\\"$class\\\"\" <<<\"$existing\" || echo \"ceph osd crush class create $class\"\ndone\n"
        out += "cat <<'CEPH'\n"
        let defaultRule = defaultRule(ceph)
        for tier in ceph.tiers {
            if let erasure = tier.erasure {
                out += "ceph osd erasure-code-profile set \(shell(tier.name)) k=\(erasure.k) m=\(erasure.m) crush-failure-domain=\(domain) crush-device-class=\(shell(tier.deviceClass))\n"
                if cluster.pools.contains(where: { $0.tier == tier && !$0.erasureCoded }) || defaultRule == replicatedRule(tier) {
                    // RBD and Gnocchi metadata need omap: replicated on the same device class.
                    out += "ceph osd crush rule create-replicated \(shell(replicatedRule(tier))) default \(domain) \(shell(tier.deviceClass))\n"
                }
            } else {
                out += "ceph osd crush rule create-replicated \(shell(tier.name)) default \(domain) \(shell(tier.deviceClass))\n"
            }
        }
        out += "CEPH\n} | ceph_batch\n"

        if let defaultRule {
            out += "\n{\n"
            out += """

                # 3b. Ceph's own pools (.mgr or device_health_metrics, RGW's) on the \(defaultRule) rule too, and every new pool by
                #     default: one pool on the class-less replicated_rule beside the device-class rules above makes the PG
                #     autoscaler skip every pool ("overlapping roots"), so no pool would get the PGs its data needs.
                default_rule="$(rule_id \(shell(defaultRule)))"
                echo "ceph config set global osd_pool_default_crush_rule $default_rule"
                listed="$(ceph osd pool ls)"
                if [[ -n "$listed" ]]; then
                  mapfile -t pools <<<"$listed"
                  # `ceph` reading a pipe prints a blank line after each answer.
                  current="$(printf 'ceph osd pool get %q crush_rule\\n' "${pools[@]}" | ceph_batch | sed '/^$/d')"
                  mapfile -t rules <<<"$current"
                  for i in "${!pools[@]}"; do
                    [[ "${rules[$i]:-}" != "crush_rule: replicated_rule" ]] || printf 'ceph osd pool set %q crush_rule \(shell(defaultRule))\\n' "${pools[$i]}"
                  done
                fi
                } | ceph_batch

                """
        }

        out += """

            # 4. Pools (kolla-ansible's names), each on its tier: a batch per pool, side by side. The monitor commits
            #    a change about once a second (paxos_propose_interval), and changes sent together share a commit.
            batches=()

            """
        var rbdCommands: [String] = []
        var inits: [String] = []
        for pool in cluster.pools {
            out += "ceph_batch <<'CEPH' &\n# \(pool.name): \(pool.user), tier \(pool.tier.name)\n"
            let name = shell(pool.name)
            let targetRatio = pool.percent.map { ratio(Double($0) / 100) }
            if pool.erasureCoded {
                out += "ceph osd pool create \(name) erasure \(shell(pool.tier.name))\n"
            } else {
                let size = pool.tier.erasure == nil ? (pool.tier.replication ?? 3) : 3
                out += "ceph osd pool create \(name)\n"
                out += "ceph osd pool set \(name) crush_rule \(shell(pool.tier.erasure == nil ? pool.tier.name : replicatedRule(pool.tier)))\n"
                if size == 1 {
                    out += "ceph config set global mon_allow_pool_size_one true\n"
                    out += "ceph osd pool set \(name) size 1 --yes-i-really-mean-it\n"
                } else {
                    out += "ceph osd pool set \(name) size \(size)\n"
                }
                out += "ceph osd pool set \(name) min_size \(CephCluster.minSize(size))\n"
            }
            // The autoscaler sizes a pool by its share of the tier: with an EC data pool, the data (and the share)
            // is there; the replicated pool beside it holds only omap metadata.
            if let targetRatio, pool.dataPool == nil {
                out += "ceph osd pool set \(name) target_size_ratio \(targetRatio)\n"
            }
            // `ceph fs new` tags CephFS's pools itself, and refuses pools another application holds.
            if pool.application != "cephfs" { out += "ceph osd pool application enable \(name) \(pool.application)\n" }
            if let data = pool.dataPool {
                // Image data in the EC pool; librbd reads the pool's default data pool setting.
                out += "ceph osd pool create \(shell(data)) erasure \(shell(pool.tier.name))\n"
                out += "ceph osd pool set \(shell(data)) allow_ec_overwrites true\n"
                if let targetRatio { out += "ceph osd pool set \(shell(data)) target_size_ratio \(targetRatio)\n" }
                out += "ceph osd pool application enable \(shell(data)) rbd\n"
                rbdCommands.append("rbd config pool set \(name) rbd_default_data_pool \(shell(data))")
            }
            if pool.application == "rbd" {
                inits.append(name)
            }
            out += "CEPH\nbatches+=($!)\n"
        }
        out += "wait_all \"${batches[@]}\"\n"
        if !rbdCommands.isEmpty || !inits.isEmpty {
            out += "\n# 4a. RBD on the pools (the rbd tool, once the pools exist); each init waits for its pool's placement groups, so side by side.\n"
            out += rbdCommands.map { $0 + "\n" }.joined()
            if !inits.isEmpty {
                out += "inits=()\nfor pool in \(inits.joined(separator: " ")); do\n  rbd pool init \"$pool\" &\n  inits+=($!)\ndone\nwait_all \"${inits[@]}\"\n"
            }
        }

        if let fs = cluster.cephFS {
            out += "\n# 4b. Manila's CephFS file system on those pools; its MDS daemons come from cluster-spec.yaml.\n"
            out += "ceph fs ls --format json | grep -q '\"name\": *\"\(fs.name)\"' || ceph fs new \(shell(fs.name)) \(shell(fs.metadata)) \(shell(fs.data))\n"
        }

        out += "\n# 5. OpenStack's clients, keys from keys.yml (kolla's keyrings under config/ carry the same keys), imported together.\n"
        for client in cluster.clients {
            let caps = client.caps.map { "\($0.daemon) \(shell($0.value))" }.joined(separator: " ")
            out += "import_client \(client.name) \(caps)\n"
        }
        out += "ceph auth import -i \"$clients\"\n"
        return out
    }

    /// The rule Ceph's own pools and new pools go to: the first replicated tier's, else the first tier's
    /// replicated rule beside its erasure code. nil without tiers.
    static func defaultRule(_ ceph: Storage.Ceph) -> String? {
        if let replicated = ceph.tiers.first(where: { $0.erasure == nil }) { return replicated.name }
        return ceph.tiers.first.map(replicatedRule)
    }

    /// Puts a client with its key from keys.yml and its caps into one keyring, which `ceph auth import` takes whole.
    static let importClientFunction = """
        # Adds a client with its key from keys.yml and its caps to $clients, imported at the end in one call:
        # import_client NAME DAEMON CAPS [DAEMON CAPS]...
        clients="$work/clients.keyring"
        : >"$clients"
        import_client() {
          local name="$1" key
          key="$(value "$name")"
          shift
          {
            printf '[%s]\\n\\tkey = %s\\n' "$name" "$key"
            while (($# > 0)); do
              printf '\\tcaps %s = "%s"\\n' "$1" "$2"
              shift 2
            done
          } >>"$clients"
        }

        """

    /// Waits for background jobs, failing if any failed once all have ended.
    static let waitAllFunction = """
        # Waits for every background job named (by pid); fails if any failed, once all have ended: wait_all PID...
        wait_all() {
          local pid failed=0
          for pid in "$@"; do wait "$pid" || failed=1; done
          return "$failed"
        }


        """

    /// Runs many `ceph` commands in one client. Each `ceph` command costs a Python start-up, a monitor connection
    /// and the monitor's command table (about a second of CPU on a small host); pools.sh has some sixty.
    static let batchFunction = """
        # Runs the `ceph ...` command lines on its standard input (blank and # lines skipped) in one `ceph` client:
        # one start-up and one monitor connection for the lot instead of one each. `ceph` reading commands from a
        # pipe goes on past a failed command and exits 0, so its error lines are looked for: any one fails the
        # batch (after the rest of it ran), as a failed command fails this script.
        ceph_batch() {
          local commands errors status=0 started
          errors="$(mktemp -p "$work")"
          commands="$(grep -v -e '^[[:space:]]*$' -e '^[[:space:]]*#')" || return 0
          if grep -qv '^ceph ' <<<"$commands"; then
            echo "pools.sh: ceph_batch takes \\`ceph ...\\` lines only, not: $(grep -v '^ceph ' <<<"$commands" | head -1)" >&2
            return 1
          fi
          printf '+ %s\\n' "${commands//$'\\n'/$'\\n'+ }" >&2
          started="$(date +%s%N)"
          sed 's/^ceph //' <<<"$commands" | ceph 2>"$errors" || status=$?
          cat "$errors" >&2
          echo "ceph_batch: $(wc -l <<<"$commands") commands in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
          if ((status != 0)) || grep -qE '^(Error E[A-Z]+|error handling command target|Can not use)' "$errors"; then
            echo "pools.sh: a ceph command of this batch failed (see above)" >&2
            return 1
          fi
        }


        """

    static func replicatedRule(_ tier: Storage.Ceph.Tier) -> String { "\(tier.name)-replicated" }

    /// A ratio without float noise: 0.85, 0.6.
    static func ratio(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let text = "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }

    /// Single-quoted for bash unless plainly safe.
    static func shell(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-=:@,+".contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
