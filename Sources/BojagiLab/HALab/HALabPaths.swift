import BojagiCore
import BojagiOpenStack
/// Where the HA lab keeps everything, under one home directory (absolute paths, because they go into configs).
public struct HALabPaths: Sendable, Hashable {
    public let home: String

    public init(home: String) {
        self.home = home.hasSuffix("/") && home.count > 1 ? String(home.dropLast()) : home
    }

    public var state: String { "\(home)/state.json" }
    public var secrets: String { "\(home)/secrets.json" }
    /// The admin's clouds.yaml (HALabClientFiles writes it).
    public var clouds: String { "\(home)/clouds.yaml" }
    public var probeScript: String { "\(home)/bin/rabbit-probe.py" }
    public var sstBin: String { "\(home)/bin/sst" }
    public var drill: String { "\(home)/drill" }
    public var labLog: String { "\(home)/log/lab.log" }
    public var fernetKeys: String { "\(home)/etc/keystone/fernet-keys" }
    public var credentialKeys: String { "\(home)/etc/keystone/credential-keys" }

    public func etc(_ node: HALabNode) -> String { "\(home)/etc/\(node.name)" }
    public func data(_ node: HALabNode) -> String { "\(home)/data/\(node.name)" }
    public func run(_ node: HALabNode) -> String { "\(home)/run/\(node.name)" }
    public func log(_ service: HALabService, _ node: HALabNode) -> String { log(service.rawValue, node) }
    public func log(_ process: String, _ node: HALabNode) -> String { "\(home)/log/\(node.name)/\(process).log" }
    /// The OpenStack services' tree (the single-node lab's layout): one per node, plus what all nodes share.
    public var openstack: String { "\(home)/openstack" }
    public func openstack(_ node: HALabNode) -> String { "\(openstack)/\(node.name)" }

    public func myCnf(_ node: HALabNode) -> String { "\(etc(node))/my.cnf" }
    public func mysqlData(_ node: HALabNode) -> String { "\(data(node))/mysql" }
    public func mysqlSocket(_ node: HALabNode) -> String { "\(run(node))/mysqld.sock" }
    public func rabbitHome(_ node: HALabNode) -> String { "\(data(node))/rabbitmq-home" }
    public func rabbitMnesia(_ node: HALabNode) -> String { "\(data(node))/rabbitmq" }
    public func haproxyCfg(_ node: HALabNode) -> String { "\(etc(node))/haproxy.cfg" }
    public func keepalivedConf(_ node: HALabNode) -> String { "\(etc(node))/keepalived.conf" }
    public func keystoneConfDir(_ node: HALabNode) -> String { "\(etc(node))/keystone" }

    /// `path` relative to home, for RenderedFile.
    func relative(_ path: String) -> String {
        path.hasPrefix(home + "/") ? String(path.dropFirst(home.count + 1)) : path
    }
}
