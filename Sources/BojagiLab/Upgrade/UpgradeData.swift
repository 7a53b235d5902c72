import Foundation
import BojagiCore
import BojagiOpenStack

/// What the upgrade must not lose: made through the VIP before anything changes, read back and used after.
public enum UpgradeData {
    /// The ids of what the make-data step made (kept in the resume record).
    public struct Made: Sendable, Hashable, Codable {
        public var marker: String
        public var project: String
        public var network: String?
        public var image: String?
        public var server: String?
        public var volume: String?
        /// The quorum queue holding `marker`.
        public var queue: String?
    }

    /// One object checked after the upgrade.
    public struct Check: Sendable, Hashable, Codable {
        /// project, network, server, image, volume, message, new server, attachment.
        public let kind: String
        public let id: String
        public let ok: Bool
        public let detail: String

        public init(kind: String, id: String, ok: Bool, detail: String) {
            self.kind = kind
            self.id = id
            self.ok = ok
            self.detail = detail
        }
    }

    static let queue = "bojagi-upgrade-kept"
}

extension HALab {
    /// A project, a network (with Neutron), an image and a server booted from it on the first compute node (with
    /// Nova and Glance), a 1 GiB volume (with Cinder), a message on a quorum queue.
    func makeUpgradeData(runID: String, components: [LabComponent]) async throws -> UpgradeData.Made {
        let marker = "bojagi-upgrade-\(runID)"
        let admin = ComputeAdmin(session: try await LabReadiness.session(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName))
        let project = try await created(admin, "identity", "projects", kind: "project",
                                        body: ["name": marker, "domain_id": "default", "description": "bojagi drill upgrade: must survive it"])
        var made = UpgradeData.Made(marker: marker, project: project)
        if components.contains(.neutron) {
            made.network = try await created(admin, "network", "v2.0/networks", kind: "network", body: ["name": marker])
        }
        if components.contains(.nova), components.contains(.glance), let compute = topology.computes.first {
            let (server, image) = try await admin.boot(on: compute.name, name: marker)
            made.server = server
            made.image = image
        }
        if components.contains(.cinder) {
            let volume = try await created(admin, "volumev3", "volumes", kind: "volume", body: ["name": marker, "size": 1])
            try await waitVolume(admin, volume, "make a volume") { $0 == "available" }
            made.volume = volume
        }
        _ = try await rabbitMessage(["publish", UpgradeData.queue, marker])
        made.queue = UpgradeData.queue
        return made
    }

    /// Every object read back; the image's bytes downloaded; a new server booted and the old volume attached to
    /// it; the message consumed. Then everything made is deleted (what fails to delete is said in the detail).
    func checkUpgradeData(_ made: UpgradeData.Made, runID: String) async throws -> [UpgradeData.Check] {
        let admin = ComputeAdmin(session: try await LabReadiness.session(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName))
        var checks: [UpgradeData.Check] = []
        func read(_ kind: String, _ type: String, _ path: String, key: String?, _ accept: ([String: Any]) -> (Bool, String)) async {
            do {
                let body = try await admin.json(type, path, headers: type == "compute" ? ComputeAdmin.nova : [:])
                let (ok, detail) = accept(key.map { body[$0] as? [String: Any] ?? [:] } ?? body)
                checks.append(.init(kind: kind, id: String(path.split(separator: "/").last ?? ""), ok: ok, detail: detail))
            } catch {
                checks.append(.init(kind: kind, id: String(path.split(separator: "/").last ?? ""), ok: false, detail: "\(error)"))
            }
        }
        await read("project", "identity", "projects/\(made.project)", key: "project") { ($0["name"] as? String == made.marker, "name \($0["name"] ?? "?")") }
        if let network = made.network {
            await read("network", "network", "v2.0/networks/\(network)", key: "network") { ($0["name"] as? String == made.marker, "name \($0["name"] ?? "?"), \($0["status"] ?? "?")") }
        }
        if let server = made.server {
            await read("server", "compute", "servers/\(server)", key: "server") { ($0["status"] as? String == "ACTIVE", "\($0["status"] ?? "?") on \($0["OS-EXT-SRV-ATTR:host"] ?? "?")") }
        }
        if let image = made.image {
            do {
                let bytes = try await admin.session.call("GET", try admin.url("image", "v2/images/\(image)/file")).body
                checks.append(.init(kind: "image", id: image, ok: bytes.count == 1024 && bytes.allSatisfy { $0 == 0 },
                                    detail: "read back \(bytes.count) bytes of the 1024 written"))
            } catch {
                checks.append(.init(kind: "image", id: image, ok: false, detail: "\(error)"))
            }
        }
        if let volume = made.volume {
            await read("volume", "volumev3", "volumes/\(volume)", key: "volume") { ($0["status"] as? String == "available", "\($0["status"] ?? "?"), \($0["size"] ?? "?") GiB") }
        }
        var newServer: String?
        var newImage: String?
        if made.server != nil, let compute = topology.computes.first {
            do {
                let clock = ContinuousClock.now
                let (server, image) = try await admin.boot(on: compute.name, name: made.marker + "-after")
                (newServer, newImage) = (server, image)
                checks.append(.init(kind: "new server", id: server, ok: true,
                                    detail: String(format: "ACTIVE on %@ in %.1f s", compute.name, (ContinuousClock.now - clock).inSeconds)))
            } catch {
                checks.append(.init(kind: "new server", id: "", ok: false, detail: "\(error)"))
            }
        }
        if let volume = made.volume, let server = newServer {
            do {
                try await admin.session.call("POST", try admin.url("compute", "servers/\(server)/os-volume_attachments"),
                                             json: ["volumeAttachment": ["volumeId": volume]], headers: ComputeAdmin.nova)
                try await waitVolume(admin, volume, "attach the old volume") { $0 == "in-use" }
                checks.append(.init(kind: "attachment", id: volume, ok: true, detail: "the volume made before is in-use on the new server \(server.prefix(8))"))
            } catch {
                checks.append(.init(kind: "attachment", id: volume, ok: false, detail: "\(error)"))
            }
        }
        if let queue = made.queue {
            let messages = (try? await rabbitMessage(["get", queue]))?["messages"] as? [String] ?? []
            checks.append(.init(kind: "message", id: queue, ok: messages.contains(made.marker),
                                detail: messages.contains(made.marker) ? "consumed from the quorum queue \(queue)" : "not in \(queue) (\(messages.count) messages there)"))
        }
        await deleteUpgradeData(admin, made, newServer: newServer, newImage: newImage)
        return checks
    }

    func deleteUpgradeData(_ admin: ComputeAdmin, _ made: UpgradeData.Made, newServer: String?, newImage: String?) async {
        for server in [newServer, made.server].compactMap({ $0 }) {
            try? await admin.deleteServer(server)
            try? await admin.waitServer(server, "delete \(server)") { $0 == nil }
        }
        if let volume = made.volume {
            try? await waitVolume(admin, volume, "detached") { $0 == "available" }
            _ = try? await admin.session.call("DELETE", try admin.url("volumev3", "volumes/\(volume)"))
        }
        for image in [newImage, made.image].compactMap({ $0 }) { try? await admin.deleteImage(image) }
        if let network = made.network { _ = try? await admin.session.call("DELETE", try admin.url("network", "v2.0/networks/\(network)")) }
        _ = try? await admin.session.call("DELETE", try admin.url("identity", "projects/\(made.project)"))
    }

    func created(_ admin: ComputeAdmin, _ type: String, _ path: String, kind: String, body: [String: Any]) async throws -> String {
        let response = try await admin.session.call("POST", try admin.url(type, path), json: [kind: body])
        guard let id = ((response.json as? [String: Any])?[kind] as? [String: Any])?["id"] as? String else {
            throw LabFailure("lab", step: "make-data", message: "POST \(path) answered without an id")
        }
        return id
    }

    func waitVolume(_ admin: ComputeAdmin, _ id: String, _ what: String, timeout: Double = 120, _ accept: @escaping (String) -> Bool) async throws {
        var status = "?"
        let done = try await Poll.until(timeout: timeout, every: .seconds(1)) {
            let body = try? await admin.json("volumev3", "volumes/\(id)")
            status = (body?["volume"] as? [String: Any])?["status"] as? String ?? "?"
            if status == "error" { throw LabFailure("lab", step: what, message: "volume \(id) went to error") }
            return accept(status)
        }
        if !done { throw LabFailure("lab", step: what, message: "volume \(id) still \(status) after \(Int(timeout)) s") }
    }

    /// The drill's pika client, once; its last output line is a JSON object.
    func rabbitMessage(_ arguments: [String]) async throws -> [String: Any] {
        let log = "\(paths.drill)/upgrade-queue.log"
        let result = try await runner.run(commands.rabbitProbe(arguments, secrets: try secrets()), namespace: nil, environment: [:], log: log)
        guard result.status == 0, let line = result.output.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw LabFailure("lab", step: "queue \(arguments.first ?? "")", message: "exited \(result.status)", log: log,
                             tail: result.output.split(separator: "\n").suffix(3).map(String.init))
        }
        return object
    }
}
