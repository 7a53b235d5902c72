/// The user's `bojagi.yaml`: what to package, for which release, on which hosts.
public struct Blueprint: Sendable, Hashable, Codable {
    /// Version of the file format; this build reads `currentSchema`.
    public static let currentSchema = 1

    public struct Changes: Sendable, Hashable, Codable {
        public var add: [String] = []
        public var remove: [String] = []

        public init(add: [String] = [], remove: [String] = []) {
            self.add = add
            self.remove = remove
        }
    }

    public var schema: Int = Blueprint.currentSchema
    public var name: String?
    /// Canonical code name of the target release (`epoxy`), whatever spelling the file used.
    public var release: String
    public var profile: String
    public var capabilities = Changes()
    public var services = Changes()
    public var policy = Policy()
    public var deployment = Deployment()
    public var hosts: [Host] = []
    public var networks = Networks()
    public var storage = Storage()
    public var ha = HighAvailability()
    public var tls = TLS()
    public var monitoring = Monitoring()
    public var capacity = CapacitySettings()
    /// Line of each path written in the file, for findings.
    public var lines: [String: Int] = [:]

    public init(release: String, profile: String) {
        self.release = release
        self.profile = profile
    }
}

/// How the cloud is deployed: kolla-ansible's base choices.
public struct Deployment: Sendable, Hashable, Codable {
    public static let engines = ["kolla-ansible"]
    public static let distros = ["rocky", "ubuntu", "debian"]
    public static let containerEngines = ["docker", "podman"]

    public var engine = "kolla-ansible"
    public var baseDistro = "rocky"
    public var containerEngine = "docker"
    /// Host operating system, `rocky-10`; checked against what the release's kolla-ansible supports.
    public var hostOS: String?

    public init() {}
}

public struct HighAvailability: Sendable, Hashable, Codable {
    public var enabled = true
    public init() {}
}

/// TLS on kolla's VIPs. Render copies the certificates into the deployment directory's `certificates/`, where
/// kolla-ansible looks for them (`kolla_certificates_dir`).
public struct TLS: Sendable, Hashable, Codable {
    public var external = false
    public var `internal` = false
    /// Path (relative to bojagi.yaml) of the PEM bundle (certificate, chain, private key) for the external
    /// endpoints, and for the internal ones unless `internalCertificate` is given.
    public var certificate: String?
    /// PEM bundle for the internal endpoints, when they need their own (a private CA for the internal name).
    public var internalCertificate: String?
    /// CA certificate(s) that issued the certificates, when clients and containers do not already trust it.
    public var ca: String?
    /// Let `kolla-ansible certificates` make a test CA and certificates instead (test clouds only).
    public var selfSigned = false

    /// The bundle the internal endpoints use.
    public var internalBundle: String? { internalCertificate ?? certificate }

    public init() {}
}

public struct Monitoring: Sendable, Hashable, Codable {
    public var prometheus = true
    public var grafana = true
    public var centralLogging = false
    public init() {}
}
