import BojagiCore

/// The files a blueprint names, handed over in memory.
public struct FilesInMemory: BlueprintFiles {
    public let directory = "(memory)/"
    public let files: [String: String]

    public init(_ files: [String: String] = [:]) { self.files = files }

    public func text(_ path: String) -> String? { files[path] }

    /// A PEM bundle of a certificate and its key (not real key material: only the block structure matters).
    public static let bundle = """
        -----BEGIN CERTIFICATE-----
        TUlJQ2VydGlmaWNhdGVGb3JUZXN0cw==
        -----END CERTIFICATE-----
        -----BEGIN PRIVATE KEY-----
        TUlJS2V5Rm9yVGVzdHM=
        -----END PRIVATE KEY-----

        """
    public static let caCertificate = """
        -----BEGIN CERTIFICATE-----
        TUlJQ0FGb3JUZXN0cw==
        -----END CERTIFICATE-----

        """

    /// What the tests' blueprints name: a certificate bundle, one without a key, and a CA.
    public static let tests = FilesInMemory([
        "certificates/api.pem": bundle,
        "certificates/internal.pem": bundle,
        "certificates/cert-only.pem": caCertificate,
        "certificates/ca.crt": caCertificate,
    ])
}
