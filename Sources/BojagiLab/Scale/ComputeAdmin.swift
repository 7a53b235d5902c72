import Foundation
import BojagiCore
import BojagiOpenStack

/// The admin's calls add-host and remove-host make through the VIP: Nova's services, servers and migrations,
/// Placement's resource providers, Cinder's volumes and services, Glance for the image a proving server boots.
struct ComputeAdmin: Sendable {
    let session: OpenStackSession

    /// `host` in a boot request needs 2.74; `networks: none` 2.37; service ids are UUIDs from 2.53.
    static let nova = ["X-OpenStack-Nova-API-Version": "2.74"]

    struct Service: Sendable, Hashable {
        let id: String
        let host: String
        let binary: String
        let enabled: Bool
        let up: Bool
    }

    func url(_ type: String, _ path: String) throws -> URL {
        type == "volumev3" ? try session.requiredURL(type, "block-storage", path: path) : try session.requiredURL(type, path: path)
    }

    func json(_ type: String, _ path: String, headers: [String: String] = [:]) async throws -> [String: Any] {
        (try await session.call("GET", try url(type, path), headers: headers).json as? [String: Any]) ?? [:]
    }

    // MARK: services

    func computeServices() async throws -> [Service] {
        let rows = try await json("compute", "os-services?binary=nova-compute", headers: Self.nova)["services"] as? [[String: Any]] ?? []
        return rows.map { row in
            Service(id: "\(row["id"] ?? "")", host: row["host"] as? String ?? "", binary: row["binary"] as? String ?? "",
                    enabled: row["status"] as? String == "enabled", up: row["state"] as? String == "up")
        }
    }

    func volumeServices() async throws -> [Service] {
        let rows = try await json("volumev3", "os-services?binary=cinder-volume")["services"] as? [[String: Any]] ?? []
        return rows.map { row in
            Service(id: "", host: row["host"] as? String ?? "", binary: row["binary"] as? String ?? "",
                    enabled: row["status"] as? String == "enabled", up: row["state"] as? String == "up")
        }
    }

    func setCompute(_ service: Service, enabled: Bool, reason: String) async throws {
        var body: [String: Any] = ["status": enabled ? "enabled" : "disabled"]
        if !enabled { body["disabled_reason"] = reason }
        try await session.call("PUT", try url("compute", "os-services/\(service.id)"), json: body, headers: Self.nova)
    }

    func deleteCompute(_ service: Service) async throws {
        try await session.call("DELETE", try url("compute", "os-services/\(service.id)"), headers: Self.nova)
    }

    // MARK: placement

    /// The resource provider named `host` (the compute node's), with its VCPU inventory total; nil when none.
    func resourceProvider(_ host: String) async throws -> (uuid: String, vcpus: Int?)? {
        let providers = try await json("placement", "resource_providers?name=\(host)")["resource_providers"] as? [[String: Any]] ?? []
        guard let uuid = providers.first?["uuid"] as? String else { return nil }
        let inventories = try await json("placement", "resource_providers/\(uuid)/inventories")["inventories"] as? [String: Any]
        return (uuid, (inventories?["VCPU"] as? [String: Any])?["total"] as? Int)
    }

    func deleteResourceProvider(_ uuid: String) async throws {
        try await session.call("DELETE", try url("placement", "resource_providers/\(uuid)"))
    }

    // MARK: servers

    func servers(on host: String) async throws -> [HALabScaleRules.Server] {
        let rows = try await json("compute", "servers/detail?all_tenants=1&host=\(host)", headers: Self.nova)["servers"] as? [[String: Any]] ?? []
        return rows.compactMap { row in
            guard let id = row["id"] as? String else { return nil }
            return HALabScaleRules.Server(id: id, name: row["name"] as? String ?? id, status: row["status"] as? String ?? "?")
        }
    }

    /// The server's status and host.
    func server(_ id: String) async throws -> (status: String, host: String?, fault: String?)? {
        do {
            let body = try await json("compute", "servers/\(id)", headers: Self.nova)["server"] as? [String: Any]
            return (body?["status"] as? String ?? "?", body?["OS-EXT-SRV-ATTR:host"] as? String,
                    (body?["fault"] as? [String: Any])?["message"] as? String)
        } catch let error as OpenStackSession.APIError where error.status == 404 {
            return nil
        }
    }

    func action(_ id: String, _ body: [String: Any]) async throws {
        try await session.call("POST", try url("compute", "servers/\(id)/action"), json: body, headers: Self.nova)
    }

    func deleteServer(_ id: String) async throws {
        try await session.call("DELETE", try url("compute", "servers/\(id)"), headers: Self.nova)
    }

    /// Waits until `accept` takes the server's state; a server in ERROR ends the wait with its fault.
    func waitServer(_ id: String, _ what: String, timeout: Double = 180,
                    accept: @escaping ((status: String, host: String?, fault: String?)?) -> Bool) async throws {
        let done = try await Poll.until(timeout: timeout, every: .seconds(1)) {
            let state = try await server(id)
            if accept(state) { return true }
            if state?.status == "ERROR" {
                throw LabFailure("lab", step: what, message: "server \(id) went to ERROR: \(state?.fault ?? "no fault message")")
            }
            return false
        }
        if !done { throw LabFailure("lab", step: what, message: "server \(id) not done within \(Int(timeout)) s") }
    }

    /// Boots a server on `host` through the scheduler (`host` in the request, 2.74) with no network, and waits
    /// until it is ACTIVE there. Returns its id and the image it used (to delete after).
    func boot(on host: String, name: String) async throws -> (server: String, image: String) {
        let created = try await session.call("POST", try url("image", "v2/images"),
                                             json: ["name": name, "disk_format": "raw", "container_format": "bare", "visibility": "private"])
        guard let image = (created.json as? [String: Any])?["id"] as? String else {
            throw LabFailure("lab", step: "boot on \(host)", message: "Glance answered no image id")
        }
        try await session.call("PUT", try url("image", "v2/images/\(image)/file"), body: Data(count: 1024),
                               headers: ["Content-Type": "application/octet-stream"])
        let flavors = try await json("compute", "flavors/detail")["flavors"] as? [[String: Any]] ?? []
        guard let flavor = flavors.min(by: { ($0["ram"] as? Int ?? 0) < ($1["ram"] as? Int ?? 0) })?["id"] as? String else {
            throw LabFailure("lab", step: "boot on \(host)", message: "no flavor to boot with")
        }
        let booted = try await session.call("POST", try url("compute", "servers"), json: [
            "server": ["name": name, "imageRef": image, "flavorRef": flavor, "networks": "none", "host": host],
        ], headers: Self.nova)
        guard let id = ((booted.json as? [String: Any])?["server"] as? [String: Any])?["id"] as? String else {
            throw LabFailure("lab", step: "boot on \(host)", message: "Nova answered no server id")
        }
        try await waitServer(id, "boot on \(host)") { $0?.status == "ACTIVE" }
        guard let state = try await server(id), state.host == host else {
            throw LabFailure("lab", step: "boot on \(host)", message: "server \(id) is ACTIVE but not on \(host)")
        }
        return (id, image)
    }

    func deleteImage(_ id: String) async throws {
        try await session.call("DELETE", try url("image", "v2/images/\(id)"))
    }

    // MARK: volumes

    /// Volumes whose volume service is on `host` (`cmp2@backend#pool`).
    func volumes(on host: String) async throws -> [String] {
        let rows = try await json("volumev3", "volumes/detail?all_tenants=1")["volumes"] as? [[String: Any]] ?? []
        return rows.filter { row in
            let served = row["os-vol-host-attr:host"] as? String ?? ""
            return served == host || served.hasPrefix(host + "@") || served.hasPrefix(host + "#")
        }.map { ($0["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? ($0["id"] as? String ?? "?") }
    }
}
