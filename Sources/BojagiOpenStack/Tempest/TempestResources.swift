import Foundation
import BojagiCore

/// What Tempest needs that a cloud may not have: two images, two flavors (the second larger, for resize) and a
/// shared network every test project can boot on. Found by name first, so a second run reuses them; never deleted
/// by Bojagi (they are small, and `tempest cleanup` leaves anything not named with Tempest's own prefix).
public struct TempestResources: Sendable, Codable, Equatable {
    public var imageRef: String
    public var imageRefAlt: String
    public var flavorRef: String
    public var flavorRefAlt: String
    /// The shared network `[compute] fixed_network_name` names; nil on a cloud without Neutron.
    public var fixedNetworkName: String?
    /// Where the image bytes are on this machine (`[scenario] img_file`).
    public var imageFile: String

    public static let imageNames = ("bojagi-tempest", "bojagi-tempest-alt")
    public static let flavors = [("bojagi.tempest", 128, 1), ("bojagi.tempest.alt", 192, 1)]
    public static let networkName = "bojagi-tempest-shared"
    public static let networkCIDR = "10.254.0.0/24"

    public init(imageRef: String, imageRefAlt: String, flavorRef: String, flavorRefAlt: String, fixedNetworkName: String?, imageFile: String) {
        self.imageRef = imageRef
        self.imageRefAlt = imageRefAlt
        self.flavorRef = flavorRef
        self.flavorRefAlt = flavorRefAlt
        self.fixedNetworkName = fixedNetworkName
        self.imageFile = imageFile
    }

    /// Finds or makes them. `imageFile`: a small raw file (zeros: Glance checks the bytes against `disk_format`,
    /// and the fake virt driver needs no bootable content; a real hypervisor with validation needs a real image).
    public static func ensure(session: OpenStackSession, facts: TempestFacts, imageFile: String,
                              waitFor: (String, () async throws -> Bool?) async throws -> Bool) async throws -> TempestResources {
        let image = try await ensureImage(imageNames.0, session: session, file: imageFile, waitFor: waitFor)
        let imageAlt = try await ensureImage(imageNames.1, session: session, file: imageFile, waitFor: waitFor)
        var flavorIDs: [String] = []
        for (name, ram, disk) in flavors {
            flavorIDs.append(try await ensureFlavor(name, ram: ram, disk: disk, session: session))
        }
        var network: String?
        if facts.has("network") {
            if let shared = facts.sharedNetworks.first(where: { !facts.externalNetworks.map(\.id).contains($0.id) }) {
                network = shared.name
            } else {
                network = try await ensureSharedNetwork(session: session)
            }
        }
        return TempestResources(imageRef: image, imageRefAlt: imageAlt, flavorRef: flavorIDs[0], flavorRefAlt: flavorIDs[1],
                                fixedNetworkName: network, imageFile: imageFile)
    }

    static func url(_ session: OpenStackSession, _ type: String, _ path: String) throws -> URL {
        try session.requiredURL(type, path: path)
    }

    static func ensureImage(_ name: String, session: OpenStackSession, file: String,
                            waitFor: (String, () async throws -> Bool?) async throws -> Bool) async throws -> String {
        let listing = try await session.call("GET", try url(session, "image", "v2/images?name=\(name)")).json as? [String: Any]
        let images = listing?["images"] as? [[String: Any]] ?? []
        if let ready = images.first(where: { $0["status"] as? String == "active" }), let id = ready["id"] as? String { return id }
        let created = try await session.call("POST", try url(session, "image", "v2/images"),
                                             json: ["name": name, "disk_format": "raw", "container_format": "bare", "visibility": "public"])
        guard let id = (created.json as? [String: Any])?["id"] as? String else {
            throw OpenStackSession.APIError(method: "POST", url: "v2/images", status: created.status, message: "no image id in the answer")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try await session.call("PUT", try url(session, "image", "v2/images/\(id)/file"), body: bytes,
                               headers: ["Content-Type": "application/octet-stream"])
        let imageURL = try url(session, "image", "v2/images/\(id)")
        _ = try await waitFor("image \(name) active") {
            (try await session.call("GET", imageURL).json as? [String: Any])?["status"] as? String == "active" ? true : nil
        }
        return id
    }

    static func ensureFlavor(_ name: String, ram: Int, disk: Int, session: OpenStackSession) async throws -> String {
        let listing = try await session.call("GET", try url(session, "compute", "flavors?is_public=None")).json as? [String: Any]
        if let found = (listing?["flavors"] as? [[String: Any]] ?? []).first(where: { $0["name"] as? String == name }),
           let id = found["id"] as? String { return id }
        let created = try await session.call("POST", try url(session, "compute", "flavors"), json: [
            "flavor": ["name": name, "ram": ram, "vcpus": 1, "disk": disk, "os-flavor-access:is_public": true] as [String: Any],
        ])
        guard let id = ((created.json as? [String: Any])?["flavor"] as? [String: Any])?["id"] as? String else {
            throw OpenStackSession.APIError(method: "POST", url: "flavors", status: created.status, message: "no flavor id in the answer")
        }
        return id
    }

    static func ensureSharedNetwork(session: OpenStackSession) async throws -> String {
        let created = try await session.call("POST", try url(session, "network", "v2.0/networks"),
                                             json: ["network": ["name": networkName, "shared": true] as [String: Any]])
        guard let id = ((created.json as? [String: Any])?["network"] as? [String: Any])?["id"] as? String else {
            throw OpenStackSession.APIError(method: "POST", url: "v2.0/networks", status: created.status, message: "no network id in the answer")
        }
        try await session.call("POST", try url(session, "network", "v2.0/subnets"), json: [
            "subnet": ["name": networkName, "network_id": id, "ip_version": 4, "cidr": networkCIDR] as [String: Any],
        ])
        return networkName
    }
}
