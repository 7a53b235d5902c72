import BojagiCore
import BojagiOpenStack

extension HALabTopology {
    /// This topology with the compute nodes add-host added and remove-host removed.
    public func scaled(_ computes: HALabState.ScaledComputes?) -> HALabTopology {
        guard let computes else { return self }
        var copy = self
        copy.computes = self.computes.filter { !computes.removed.contains($0.name) }
        for added in computes.added where !copy.computes.contains(where: { $0.name == added.node.name }) {
            copy.computes.append(added.node)
        }
        copy.computes.sort()
        return copy
    }

    /// The address of compute node `index` on the lab bridge: cmp1 10.99.0.21, cmp2 10.99.0.22, …
    func computeAddress(_ index: Int) -> String? {
        let parts = hostAddress.split(separator: ".")
        guard parts.count == 4 else { return nil }
        return parts.dropLast().joined(separator: ".") + ".\(20 + index)"
    }
}

/// What add-host and remove-host may do to the HA lab, decided before anything changes. Pure.
public enum HALabScaleRules {
    /// A refusal: what is wrong and what to do instead.
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let message: String
        public let fix: String
        public var description: String { "\(message)\n  fix: \(fix)" }
    }

    /// Compute nodes are cmp1 … cmp89 (10.99.0.21–109 on the bridge).
    public static let computeIndexes = 1...89

    /// The node add-host makes: `name` (cmpN) when given, else the compute after the highest there is.
    public static func newCompute(named name: String?, topology: HALabTopology) throws -> HALabNode {
        let index: Int
        if let name {
            guard name.hasPrefix("cmp"), let number = Int(name.dropFirst(3)), String(number) == name.dropFirst(3),
                  computeIndexes.contains(number) else {
                throw Refusal(message: "--name \(name): the HA lab names compute nodes cmp1 … cmp\(computeIndexes.upperBound) (namespace bjcmpN)",
                              fix: "name it like cmp\((topology.computes.map(\.index).max() ?? 0) + 1), or leave --name out")
            }
            guard topology.node(named: name) == nil else {
                throw Refusal(message: "\(name) is already a node of the HA lab (namespace bj\(name))",
                              fix: "choose another name, or leave --name out for the next free one")
            }
            index = number
        } else {
            index = (topology.computes.map(\.index).max() ?? 0) + 1
            guard computeIndexes.contains(index) else {
                throw Refusal(message: "the HA lab has room for compute nodes up to cmp\(computeIndexes.upperBound)",
                              fix: "remove one first (bojagi lab remove-host --name cmpN)")
            }
        }
        guard let address = topology.computeAddress(index) else {
            throw Refusal(message: "no address for cmp\(index) on the lab bridge", fix: "use the standard HA lab topology")
        }
        return HALabNode(index: index, address: address, role: .compute)
    }

    /// A server on the host to be removed, as Nova lists it.
    public struct Server: Sendable, Hashable, Codable {
        public let id: String
        public let name: String
        public let status: String

        public init(id: String, name: String, status: String) {
            self.id = id
            self.name = name
            self.status = status
        }

        /// Nova migrates an ACTIVE server live and a SHUTOFF one cold; others (ERROR, BUILD, …) cannot move.
        public var movable: Bool { ["ACTIVE", "SHUTOFF"].contains(status) }
    }

    /// The node remove-host may take out, or why not. `takers`: the other compute hosts whose nova-compute is up
    /// and enabled (they can take its servers); `volumes`: volumes whose cinder-volume is on that node.
    public static func removable(_ name: String, topology: HALabTopology, servers: [Server], takers: [String], volumes: [String],
                                 deleteServers: Bool) throws -> HALabNode {
        guard let node = topology.node(named: name) else {
            throw Refusal(message: "\(name) is not a node of the HA lab",
                          fix: "name a compute node: \(topology.computes.map(\.name).joined(separator: ", "))")
        }
        guard node.role == .compute else {
            let count = topology.nodes.count
            throw Refusal(
                message: "\(name) is a controller. Galera and RabbitMQ keep writing only while a majority of their \(count) members run "
                    + "(\(count / 2 + 1) of \(count)); without \(name) the lab would have \(count - 1), and losing one more node would stop "
                    + "the database and the queues. The HA lab runs exactly \(count) controllers and never removes one",
                fix: "remove a compute node (\(topology.computes.map(\.name).joined(separator: ", "))); on a real cloud, "
                    + "`bojagi remove-host` replaces a controller through kolla-ansible and refuses to leave fewer than two")
        }
        let others = topology.computes.filter { $0 != node }
        guard !others.isEmpty else {
            throw Refusal(message: "\(name) is the HA lab's last compute node: no server could boot and its servers would have nowhere to go",
                          fix: "add one first (bojagi lab add-host), then remove \(name)")
        }
        if !volumes.isEmpty {
            throw Refusal(message: "\(volumes.count) volume\(volumes.count == 1 ? "" : "s") (\(volumes.prefix(3).joined(separator: ", "))"
                            + "\(volumes.count > 3 ? ", …" : "")) \(volumes.count == 1 ? "is" : "are") served by \(name)'s cinder-volume and would be stranded",
                          fix: "delete them, or on a shared backend move them to another volume service with "
                            + "`cinder-manage volume update_host --currenthost \(name)@BACKEND --newhost OTHER@BACKEND`")
        }
        guard !deleteServers, !servers.isEmpty else { return node }
        let stuck = servers.filter { !$0.movable }
        if !stuck.isEmpty {
            throw Refusal(message: "\(stuck.map { "\($0.name) (\($0.id.prefix(8)), \($0.status))" }.joined(separator: ", ")) on \(name) cannot be migrated",
                          fix: "delete or repair \(stuck.count == 1 ? "it" : "them"), or pass --delete-servers to delete every server on \(name)")
        }
        if takers.isEmpty {
            throw Refusal(message: "\(servers.count) server\(servers.count == 1 ? "" : "s") on \(name) and no other compute host up and enabled to take "
                            + (servers.count == 1 ? "it" : "them") + " (\(others.map(\.name).joined(separator: ", ")) down or disabled)",
                          fix: "enable or start another compute host (openstack compute service set --enable HOST nova-compute), "
                            + "or pass --delete-servers")
        }
        return node
    }
}
