import Foundation
import BojagiCore

/// Reads what tempest.conf needs from the cloud's own APIs, as the admin. A service that does not answer leaves
/// its facts empty (Tempest then skips what needs them); it never stops the discovery.
public struct TempestDiscovery: Sendable {
    let session: OpenStackSession
    let config: CloudConfig

    public init(session: OpenStackSession, config: CloudConfig) {
        self.session = session
        self.config = config
    }

    public func facts() async -> TempestFacts {
        let identity = session.endpoint("identity").map { OpenStackSession.join(APIVersion.root(of: $0), "v3").absoluteString }
            ?? config.authURL.absoluteString
        var facts = TempestFacts(identityURI: identity, region: config.region ?? "RegionOne",
                                 serviceTypes: Array(Set(session.endpoints.map(\.type))).sorted())
        facts.identityExtensions = await identityExtensions()
        facts.roles = await names(try await get("identity", "v3/roles"), "roles", key: "name")
        if let compute = session.endpoint("compute") {
            facts.compute = await version(at: compute)
            let services = await list(try await get("compute", "os-services?binary=nova-compute"), "services")
            facts.computeHostsUp = services.filter { $0["state"] as? String == "up" && $0["status"] as? String == "enabled" }.count
            // The hypervisor type decides what the cloud can run (the fake driver's exclusions): a call that failed
            // under load (a 503 or a timeout through a busy load balancer) must not read as "no hypervisor", so with
            // compute hosts up it is asked again, up to 5 times 3 s apart.
            for attempt in 0..<5 {
                if attempt > 0 { try? await Task.sleep(for: .seconds(3)) }
                let hypervisors = await list(try await get("compute", "os-hypervisors/detail"), "hypervisors")
                facts.hypervisorTypes = Array(Set(hypervisors.compactMap { $0["hypervisor_type"] as? String })).sorted()
                if !facts.hypervisorTypes.isEmpty || facts.computeHostsUp == 0 { break }
            }
        }
        if let placement = session.endpoint("placement") { facts.placement = await version(at: placement) }
        if session.endpoint("network") != nil {
            facts.networkExtensions = await names(try await get("network", "v2.0/extensions"), "extensions", key: "alias")
            facts.externalNetworks = await networks("v2.0/networks?router:external=true")
            facts.sharedNetworks = await networks("v2.0/networks?shared=true")
            facts.subnetCIDRs = await names(try await get("network", "v2.0/subnets"), "subnets", key: "cidr")
            facts.defaultSubnetPool = await !list(try await get("network", "v2.0/subnetpools?is_default=true"), "subnetpools").isEmpty
        }
        if let type = facts.volumeCatalogType, let endpoint = session.endpoint(type) {
            facts.volume = await version(at: endpoint)
            let pools = await list(try await get(type, "scheduler-stats/get_pools?detail=true"), "pools")
            facts.volumePools = pools.map { pool in
                let capabilities = pool["capabilities"] as? [String: Any] ?? [:]
                return TempestFacts.VolumePool(name: pool["name"] as? String ?? "",
                                               backendName: capabilities["volume_backend_name"] as? String,
                                               storageProtocol: capabilities["storage_protocol"] as? String,
                                               vendorName: capabilities["vendor_name"] as? String,
                                               multiattach: capabilities["multiattach"] as? Bool ?? false)
            }
            let services = await list(try await get(type, "os-services"), "services")
            facts.volumeServicesUp = Array(Set(services.filter { $0["state"] as? String == "up" }.compactMap { $0["binary"] as? String })).sorted()
            facts.volumeExtensions = await names(try await get(type, "extensions"), "extensions", key: "alias")
        }
        if session.endpoint("image") != nil {
            facts.imageStores = await names(try await get("image", "v2/info/stores"), "stores", key: "id")
            let schema = try? await get("image", "v2/schemas/image")
            let properties = (schema as? [String: Any])?["properties"] as? [String: Any]
            func formats(_ key: String) -> [String] {
                ((properties?[key] as? [String: Any])?["enum"] as? [Any] ?? []).compactMap { $0 as? String }
            }
            facts.diskFormats = formats("disk_format")
            facts.containerFormats = formats("container_format")
            facts.metadefNamespaces = await list(try await get("image", "v2/metadefs/namespaces"), "namespaces").count
        }
        return facts
    }

    // MARK: calls

    func get(_ type: String, _ path: String) async throws -> Any? {
        guard var base = session.endpoint(type) else { return nil }
        if type == "identity" { base = APIVersion.root(of: base) }
        return try await session.call("GET", OpenStackSession.join(base, path)).json
    }

    func list(_ json: @autoclosure () async throws -> Any?, _ key: String) async -> [[String: Any]] {
        ((try? await json()) as? [String: Any])?[key] as? [[String: Any]] ?? []
    }

    func names(_ json: @autoclosure () async throws -> Any?, _ key: String, key field: String) async -> [String] {
        await list(try await json(), key).compactMap { $0[field] as? String }.sorted()
    }

    func networks(_ path: String) async -> [TempestFacts.Network] {
        await list(try await get("network", path), "networks").compactMap { network in
            guard let id = network["id"] as? String else { return nil }
            return TempestFacts.Network(id: id, name: network["name"] as? String ?? id, isDefault: network["is_default"] as? Bool ?? false)
        }
    }

    /// The version document at the endpoint's root (Cinder and Placement answer it with 300 Multiple Choices).
    func version(at endpoint: URL) async -> APIVersion? {
        let request = HTTPRequest(url: APIVersion.root(of: endpoint), headers: ["Accept": "application/json", "X-Auth-Token": session.token])
        guard let response = try? await session.http.send(request), response.status < 400 else { return nil }
        return APIVersion.current(in: response.json)
    }

    /// Keystone advertises its extensions in its JSON-home document: `…/ext/OS-TRUST/1.0/rel/trusts`.
    func identityExtensions() async -> [String] {
        guard let base = session.endpoint("identity"),
              let response = try? await session.call("GET", OpenStackSession.join(APIVersion.root(of: base), "v3"),
                                                     headers: ["Accept": "application/json-home"]),
              let resources = (response.json as? [String: Any])?["resources"] as? [String: Any] else { return [] }
        var found = Set<String>()
        for key in resources.keys {
            guard let range = key.range(of: "/ext/") else { continue }
            if let name = key[range.upperBound...].split(separator: "/").first { found.insert(String(name)) }
        }
        return found.sorted()
    }
}
