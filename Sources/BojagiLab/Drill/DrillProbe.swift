import Foundation
import BojagiCore
import BojagiOpenStack

/// The drill's API probe: every round a new Keystone token through the VIP, then one read of the next API in
/// turn, so each API the lab runs is exercised every second or so and a failure names the API that failed.
struct DrillProbe: Sendable {
    struct Read: Sendable, Hashable {
        let service: String
        let url: URL
    }

    let config: CloudConfig
    let http: any HTTPClient
    let reads: [Read]

    /// A cheap read per service type; Keystone's project list is not cached, so it reads the database.
    static let paths: [(type: String, path: String)] = [
        ("identity", "/projects?name=admin"),
        ("image", "/v2/images?limit=1"),
        ("compute", "/servers?limit=1"),
        ("network", "/v2.0/networks?limit=1"),
        ("volumev3", "/volumes?limit=1"),
        ("placement", "/resource_providers"),
        ("orchestration", "/stacks?limit=1"),
    ]

    init(config: CloudConfig, http: any HTTPClient, catalog: OpenStackSession) {
        self.config = config
        self.http = http
        self.reads = Self.paths.compactMap { type, path in
            guard let endpoint = catalog.endpoints.first(where: { $0.type == type }) else { return nil }
            return Read(service: endpoint.name, url: OpenStackSession.join(endpoint.url, path))
        }
    }

    /// Round `turn`: a token, then the read; the sample names the API whose request failed.
    func sample(turn: Int) async -> DrillSample {
        let start = Date()
        let read = reads[turn % reads.count]
        var service = "keystone (token)"
        do {
            let session = try await OpenStackSession.authenticate(config, http: http)
            service = read.service
            try await session.call("GET", read.url)
            return DrillSample(time: start.timeIntervalSince1970, ok: true, seconds: Date().timeIntervalSince(start), service: read.service)
        } catch {
            return DrillSample(time: start.timeIntervalSince1970, ok: false, error: "\(service): \(error)",
                               seconds: Date().timeIntervalSince(start), service: service)
        }
    }

    var description: String { reads.map(\.service).joined(separator: ", ") }
}
