import BojagiCore
import BojagiOpenStack
/// One probe request: when it started (seconds since 1970, the clock the RabbitMQ client also uses), whether
/// it succeeded, and why not.
public struct DrillSample: Sendable, Hashable, Codable {
    public let time: Double
    public let ok: Bool
    public let error: String?
    /// How long the request took.
    public let seconds: Double
    /// The API the request went to (the API probe's samples only).
    public let service: String?

    public init(time: Double, ok: Bool, error: String? = nil, seconds: Double = 0, service: String? = nil) {
        self.time = time
        self.ok = ok
        self.error = error
        self.seconds = seconds
        self.service = service
    }
}
