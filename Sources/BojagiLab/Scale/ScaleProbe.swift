import Foundation
import BojagiCore
import BojagiOpenStack

/// The API probe that runs while add-host or remove-host changes the lab: the drill's `APIProber` (concurrent
/// clients at a fixed interval, held tokens, token issuance probed on its own) through the VIP, its samples
/// covering exactly the change.
struct ScaleProbe: Sendable {
    let config: CloudConfig
    let settings: APIProber.Settings

    init(config: CloudConfig, settings: APIProber.Settings = APIProber.Settings()) {
        self.config = config
        self.settings = settings
    }

    /// Runs `body` while probing. Reads time out after 3 s; logins (a bcrypt hash on a loaded Keystone) after 30 s.
    func during<T>(_ body: () async throws -> T) async throws -> (T, ScaleReport.Probe) {
        let admin = try await OpenStackSession.authenticate(config, http: URLSessionHTTPClient(timeout: 30))
        let prober = APIProber(config: config, catalog: admin, settings: settings,
                               makeHTTP: { URLSessionHTTPClient(timeout: 3) }, makeLoginHTTP: { URLSessionHTTPClient(timeout: 30) })
        await prober.start()
        let started = Date().timeIntervalSince1970
        let value: T
        do {
            value = try await body()
        } catch {
            _ = await prober.stop()
            throw error
        }
        // A request in flight when the change ends finishes and is counted as what it was.
        let ended = Date().timeIntervalSince1970
        let samples = await prober.stop()
        return (value, ScaleReport.Probe(description: "through the VIP, \(prober.description); 3 s timeout", samples: samples, from: started, to: ended))
    }
}
