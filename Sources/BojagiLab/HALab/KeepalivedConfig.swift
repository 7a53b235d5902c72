import BojagiCore
import BojagiOpenStack
/// keepalived.conf for one node: VRRP over unicast on the node's bridge-side veth, every instance BACKUP with
/// `nopreempt` (the highest priority wins the first election; a node coming back does not take the VIP back,
/// which would be a second outage), and a track script that drops the VIP when the local HAProxy is gone.
public enum KeepalivedConfig {
    public static func file(for node: HALabNode, topology: HALabTopology, paths: HALabPaths, secrets: HALabSecrets) -> RenderedFile {
        let peers = topology.nodes.filter { $0 != node }.map { "        \($0.address)" }
        // Inline bash, not a script file: keepalived's script security refuses scripts under writable directories.
        let check = "/bin/bash -c '</dev/tcp/\(node.address)/\(topology.ports.haproxyMonitor)'"
        let contents = ([
            "# Written by bojagi for the HA lab; rewritten on every `up`.",
            "global_defs {",
            "    router_id \(node.namespace)",
            "    enable_script_security",
            "    script_user root",
            "}",
            "",
            "vrrp_script check_haproxy {",
            "    script \"\(check)\"",
            "    interval 1",
            "    timeout 1",
            "    fall 2",
            "    rise 2",
            "}",
            "",
            "vrrp_instance bojagi_vip {",
            "    state BACKUP",
            "    nopreempt",
            "    interface \(topology.nodeInterface)",
            "    virtual_router_id \(topology.virtualRouterID)",
            "    priority \(150 - 10 * node.index)",
            "    advert_int 1",
            "    unicast_src_ip \(node.address)",
            "    unicast_peer {",
        ] + peers + [
            "    }",
            "    authentication {",
            "        auth_type PASS",
            "        auth_pass \(secrets.vrrp)",
            "    }",
            "    virtual_ipaddress {",
            "        \(topology.vip)/\(topology.prefixLength) dev \(topology.nodeInterface)",
            "    }",
            "    track_script {",
            "        check_haproxy",
            "    }",
            "}",
        ]).joined(separator: "\n") + "\n"
        return RenderedFile(path: paths.relative(paths.keepalivedConf(node)), contents: contents, mode: 0o600)
    }
}
