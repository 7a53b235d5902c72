import Foundation
import Yams

/// One container kolla-ansible's roles run, from `kolla/containers.yaml` (written by
/// scripts/kolla/containers-table.py from kolla-ansible 23's `roles/*/defaults/main.yml`).
public struct KollaContainer: Sendable, Hashable, Codable {
    /// kolla's service key, `cinder-volume`.
    public let name: String
    /// The package member that turns it on; `common` runs on every host.
    public let member: String
    /// Inventory groups whose hosts run it; `choice:cinder` is kolla's cinder-volume group choice.
    public let groups: [String]
    /// More members it needs, `off` (kolla leaves it off and Bojagi never turns it on), or the Neutron agent.
    public let when: [String]

    /// Whether the package runs it: its member and every condition present.
    func runs(in members: Set<String>) -> Bool {
        guard member == "common" || members.contains(member) else { return false }
        return when.allSatisfy { condition in
            switch condition {
            case "off": false
            case "neutron-ovn": members.contains("ovn")
            case "neutron-ovs": !members.contains("ovn")
            default: members.contains(condition)
            }
        }
    }

    static func bundled() throws -> [KollaContainer] {
        guard let url = Bundle.module.url(forResource: "kolla/containers.yaml", withExtension: nil),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CatalogError.missing(path: "kolla/containers.yaml", reason: "kolla-ansible's container table is not in the bundle")
        }
        struct File: Decodable { let containers: [KollaContainer] }
        return try YAMLDecoder().decode(File.self, from: text).containers
    }
}
