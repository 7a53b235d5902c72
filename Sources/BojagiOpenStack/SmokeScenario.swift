import Foundation
import BojagiCore

/// The smoke scenario: upload an image, make a network and subnet, boot a server on them, create a volume and
/// attach it; then delete everything it made, in reverse, even after a failure.
final class SmokeScenario {
    let session: OpenStackSession
    let verifier: Verifier
    var steps: [VerifyReport.Step] = []
    var cleanupSteps: [VerifyReport.Step] = []
    /// What was made, newest last: (label, delete action).
    private var made: [(String, @Sendable () async throws -> Void)] = []
    private let tag = "bojagi-verify-\(UUID().uuidString.prefix(8).lowercased())"

    init(session: OpenStackSession, verifier: Verifier) {
        self.session = session
        self.verifier = verifier
    }

    func run() async {
        await scenario()
        await cleanup()
    }

    private func step<T>(_ name: String, _ body: () async throws -> (T, String?)) async -> T? {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let (value, detail) = try await body()
            steps.append(.init(name: name, passed: true, seconds: (clock.now - start).inSeconds, detail: detail))
            return value
        } catch {
            steps.append(.init(name: name, passed: false, seconds: (clock.now - start).inSeconds, detail: "\(error)"))
            return nil
        }
    }

    private func url(_ type: String, _ path: String) throws -> URL {
        type == "volumev3" ? try session.requiredURL(type, "block-storage", path: path) : try session.requiredURL(type, path: path)
    }

    private func scenario() async {
        let session = self.session, verifier = self.verifier, tag = self.tag
        guard let image: String = await step("image upload", {
            let created = try await session.call("POST", try url("image", "v2/images"),
                                                 json: ["name": tag, "disk_format": "raw", "container_format": "bare", "visibility": "private"])
            guard let id = (created.json as? [String: Any])?["id"] as? String else { throw malformed("image") }
            let file = try url("image", "v2/images/\(id)/file")
            let imageURL = try url("image", "v2/images/\(id)")
            made.append(("image \(id)", { try await session.call("DELETE", imageURL) }))
            try await session.call("PUT", file, body: Data(count: 1 << 20), headers: ["Content-Type": "application/octet-stream"])
            _ = try await verifier.waitFor("image \(id) active") {
                let body = try await session.call("GET", imageURL).json as? [String: Any]
                return body?["status"] as? String == "active" ? true : nil
            }
            return (id, "1 MiB raw image \(id.prefix(8))")
        }) else { return }

        guard let network: String = await step("network and subnet", {
            let created = try await session.call("POST", try url("network", "v2.0/networks"), json: ["network": ["name": tag]])
            guard let id = ((created.json as? [String: Any])?["network"] as? [String: Any])?["id"] as? String else { throw malformed("network") }
            let networkURL = try url("network", "v2.0/networks/\(id)")
            made.append(("network \(id)", { try await session.call("DELETE", networkURL) }))
            let subnet = try await session.call("POST", try url("network", "v2.0/subnets"),
                                                json: ["subnet": ["name": tag, "network_id": id, "ip_version": 4, "cidr": "192.168.199.0/24"]])
            guard let subnetID = ((subnet.json as? [String: Any])?["subnet"] as? [String: Any])?["id"] as? String else { throw malformed("subnet") }
            let subnetURL = try url("network", "v2.0/subnets/\(subnetID)")
            made.append(("subnet \(subnetID)", { try await session.call("DELETE", subnetURL) }))
            return (id, "192.168.199.0/24")
        }) else { return }

        guard let server: String = await step("server boot", {
            let flavors = try await session.call("GET", try url("compute", "flavors/detail")).json as? [String: Any]
            let list = (flavors?["flavors"] as? [[String: Any]] ?? []).sorted { ($0["ram"] as? Int ?? 0) < ($1["ram"] as? Int ?? 0) }
            guard let flavor = list.first?["id"] as? String else {
                throw OpenStackSession.APIError(method: "GET", url: "flavors", status: 200, message: "no flavor to boot with")
            }
            let created = try await session.call("POST", try url("compute", "servers"), json: [
                "server": ["name": tag, "imageRef": image, "flavorRef": flavor, "networks": [["uuid": network]]],
            ])
            guard let id = ((created.json as? [String: Any])?["server"] as? [String: Any])?["id"] as? String else { throw malformed("server") }
            let serverURL = try url("compute", "servers/\(id)")
            made.append(("server \(id)", {
                try await session.call("DELETE", serverURL)
                _ = try await verifier.waitFor("server \(id) deleted") { () async throws -> Bool? in
                    do { try await session.call("GET", serverURL); return nil } catch let error as OpenStackSession.APIError where error.status == 404 { return true }
                }
            }))
            let status: String = try await verifier.waitFor("server \(id) active") {
                let body = (try await session.call("GET", serverURL).json as? [String: Any])?["server"] as? [String: Any]
                let status = body?["status"] as? String ?? ""
                if status == "ERROR" {
                    let fault = (body?["fault"] as? [String: Any])?["message"] as? String ?? "no fault message"
                    throw OpenStackSession.APIError(method: "BOOT", url: serverURL.absoluteString, status: 0, message: "server went to ERROR: \(fault)")
                }
                return status == "ACTIVE" ? status : nil
            }
            return (id, "\(status) on flavor \(flavor)")
        }) else { return }

        guard let volume: String = await step("volume create", {
            let created = try await session.call("POST", try url("volumev3", "volumes"), json: ["volume": ["name": tag, "size": 1]])
            guard let id = ((created.json as? [String: Any])?["volume"] as? [String: Any])?["id"] as? String else { throw malformed("volume") }
            let volumeURL = try url("volumev3", "volumes/\(id)")
            made.append(("volume \(id)", {
                _ = try await verifier.waitFor("volume \(id) detached") {
                    let body = (try await session.call("GET", volumeURL).json as? [String: Any])?["volume"] as? [String: Any]
                    return ["available", "error"].contains(body?["status"] as? String ?? "") ? true : nil
                }
                try await session.call("DELETE", volumeURL)
            }))
            _ = try await verifier.waitFor("volume \(id) available") {
                let body = (try await session.call("GET", volumeURL).json as? [String: Any])?["volume"] as? [String: Any]
                if body?["status"] as? String == "error" { throw malformed("volume went to error") }
                return body?["status"] as? String == "available" ? true : nil
            }
            return (id, "1 GiB")
        }) else { return }

        _ = await step("volume attach", {
            let attachURL = try url("compute", "servers/\(server)/os-volume_attachments")
            try await session.call("POST", attachURL, json: ["volumeAttachment": ["volumeId": volume]])
            made.append(("attachment of \(volume)", { try await session.call("DELETE", URL(string: attachURL.absoluteString + "/\(volume)")!) }))
            let volumeURL = try url("volumev3", "volumes/\(volume)")
            _ = try await verifier.waitFor("volume \(volume) in-use") {
                let body = (try await session.call("GET", volumeURL).json as? [String: Any])?["volume"] as? [String: Any]
                return body?["status"] as? String == "in-use" ? true : nil
            }
            return ((), "in-use")
        })
    }

    private func cleanup() async {
        let clock = ContinuousClock()
        for (label, delete) in made.reversed() {
            let start = clock.now
            do {
                try await delete()
                cleanupSteps.append(.init(name: "delete \(label)", passed: true, seconds: (clock.now - start).inSeconds, detail: nil))
            } catch {
                cleanupSteps.append(.init(name: "delete \(label)", passed: false, seconds: (clock.now - start).inSeconds, detail: "\(error)"))
            }
        }
        made = []
    }

    private func malformed(_ what: String) -> OpenStackSession.APIError {
        OpenStackSession.APIError(method: "PARSE", url: what, status: 0, message: "unexpected answer")
    }
}
