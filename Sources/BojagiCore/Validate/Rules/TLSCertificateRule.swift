/// SEC003: with TLS on, kolla-ansible copies `kolla_external_fqdn_cert` (haproxy.pem) and
/// `kolla_internal_fqdn_cert` (haproxy-internal.pem) to the load balancers and stops at "Copying over
/// haproxy.pem" when they are missing. Render copies the blueprint's files there, so they must exist and hold
/// what HAProxy loads: the certificate with its private key in one PEM file. Or `tls.self_signed` leaves them
/// to `kolla-ansible certificates`, which makes a test CA.
public struct TLSCertificateRule: Rule {
    public let id = "SEC003"
    public let summary = "TLS has its certificates (readable PEM files with their keys) or is self-signed"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tls = context.blueprint.tls
        guard tls.external || tls.internal else {
            let given = [("tls.certificate", tls.certificate), ("tls.internal_certificate", tls.internalCertificate), ("tls.ca", tls.ca)]
                .filter { $0.1 != nil }.map(\.0)
            guard !given.isEmpty || tls.selfSigned else { return [] }
            let named = given.isEmpty ? "tls.self_signed is true" : "\(given.joined(separator: " and ")) \(given.count == 1 ? "is" : "are") set"
            return [context.finding(id, .advice, given.first ?? "tls.self_signed",
                                    "\(named) but tls.external and tls.internal are false: no endpoint uses TLS, and render copies no certificate",
                                    fix: "set `external: true` (and `internal: true` for the internal endpoints) under tls, or remove \(given.isEmpty ? "self_signed" : given.joined(separator: " and "))")]
        }
        let sides = [tls.external ? "external" : nil, tls.internal ? "internal" : nil].compactMap { $0 }.joined(separator: " and ")
        if tls.selfSigned {
            let given = [("tls.certificate", tls.certificate), ("tls.internal_certificate", tls.internalCertificate), ("tls.ca", tls.ca)]
                .filter { $0.1 != nil }.map(\.0)
            if !given.isEmpty {
                return [context.finding(id, .error, "tls.self_signed",
                                        "tls.self_signed is true but \(given.joined(separator: " and ")) \(given.count == 1 ? "is" : "are") set too: kolla-ansible certificates would overwrite the copied files with its own",
                                        fix: "remove `self_signed: true` to use your certificate, or remove \(given.joined(separator: " and "))")]
            }
            return [context.finding(id, .advice, "tls.self_signed",
                                    "TLS on the \(sides) endpoints uses a test CA that `kolla-ansible certificates` makes (certificates/ca/root.crt): clients must be given that CA, and it is not for production",
                                    fix: "after `bojagi render`, run `kolla-ansible certificates -i DIR/inventory --configdir DIR` before prechecks; for production set tls.certificate to your CA's PEM bundle instead")]
        }
        var findings: [Finding] = []
        if !tls.internal, tls.internalCertificate != nil {
            findings.append(context.finding(id, .advice, "tls.internal_certificate",
                                            "tls.internal_certificate is set but tls.internal is false: the internal endpoints do not use TLS, and render copies no internal certificate",
                                            fix: "set `internal: true` under tls, or remove tls.internal_certificate"))
        }
        let selfSignedHint = "for a test cloud, `self_signed: true` under tls has `kolla-ansible certificates` make one"
        if tls.external, tls.certificate == nil {
            let name = context.blueprint.networks.vip.externalFQDN ?? context.blueprint.networks.vip.external ?? "the external name"
            findings.append(context.finding(id, .error, "tls.certificate",
                                            "tls.external is on but tls.certificate is not set: kolla-ansible has no certificate for the external endpoints (kolla_external_fqdn_cert) and stops at \"Copying over haproxy.pem\"",
                                            fix: "set `certificate: certificates/\(Self.fileName(name)).pem` under tls: one PEM file with the certificate for \(name), its chain and its private key, relative to bojagi.yaml; \(selfSignedHint)"))
        }
        if tls.internal, tls.internalBundle == nil {
            let name = context.blueprint.networks.vip.internalFQDN ?? context.blueprint.networks.vip.internal ?? "the internal name"
            findings.append(context.finding(id, .error, "tls.internal_certificate",
                                            "tls.internal is on but neither tls.internal_certificate nor tls.certificate is set: kolla-ansible has no certificate for the internal endpoints (kolla_internal_fqdn_cert) and stops at \"Copying over haproxy-internal.pem\"",
                                            fix: "set `internal_certificate: certificates/\(Self.fileName(name)).pem` under tls (certificate for \(name), chain and private key), or a tls.certificate that also names \(name); \(selfSignedHint)"))
        }
        // The bundles render copies: the external one, and the internal one when it is a different file.
        var bundles: [(key: String, path: String)] = []
        if let path = tls.certificate, tls.external || (tls.internal && tls.internalCertificate == nil) {
            bundles.append(("tls.certificate", path))
        }
        if let path = tls.internalCertificate, tls.internal { bundles.append(("tls.internal_certificate", path)) }
        for (key, path) in bundles {
            guard let text = context.files.text(path) else {
                findings.append(missing(context, key, path, what: "the PEM bundle (certificate, chain, private key)"))
                continue
            }
            let bundle = PEMBundle(text)
            if bundle.certificates.isEmpty {
                findings.append(context.finding(id, .error, key, "\(key) \(path) holds no certificate (no BEGIN CERTIFICATE block)",
                                                fix: "put the PEM certificate, its chain and its private key in \(path)"))
            } else if bundle.privateKeys.isEmpty {
                findings.append(context.finding(id, .error, key,
                                                "\(key) \(path) holds no private key: HAProxy loads the certificate and its key from this one file (\(key == "tls.certificate" && tls.external ? "haproxy.pem" : "haproxy-internal.pem"))",
                                                fix: "append the key to the bundle: `cat server.crt chain.crt server.key > \(path)`"))
            }
        }
        if let path = tls.ca {
            if let text = context.files.text(path) {
                let bundle = PEMBundle(text)
                if !bundle.privateKeys.isEmpty {
                    findings.append(context.finding(id, .error, "tls.ca",
                                                    "tls.ca \(path) holds a private key: render copies the CA file into every container (kolla_copy_ca_into_containers) and onto the deployment host",
                                                    fix: "keep only the CA certificate(s) in \(path); the CA's key never leaves the CA"))
                } else if bundle.certificates.isEmpty {
                    findings.append(context.finding(id, .error, "tls.ca", "tls.ca \(path) holds no certificate (no BEGIN CERTIFICATE block)",
                                                    fix: "put the PEM certificate of the CA that issued tls.certificate in \(path)"))
                }
            } else {
                findings.append(missing(context, "tls.ca", path, what: "the CA certificate"))
            }
        }
        // kolla serves the database through ProxySQL over TLS too (database_enable_tls_internal) and wants the CA.
        if tls.internal, tls.ca == nil, context.has("proxysql") {
            findings.append(context.finding(id, .error, "tls.ca",
                                            "tls.internal is on and ProxySQL balances MariaDB, so kolla-ansible serves the database over TLS too (database_enable_tls_internal) and needs the CA that issued the internal certificate (proxysql-ca.pem), but tls.ca is not set",
                                            fix: "set `ca: certificates/ca.crt` under tls: the certificate of the CA that issued \(tls.internalCertificate == nil ? "tls.certificate" : "tls.internal_certificate") (for a public CA, its root certificate)"))
        }
        return findings
    }

    private func missing(_ context: RuleContext, _ key: String, _ path: String, what: String) -> Finding {
        let directory = context.files.directory
        return context.finding(id, .error, key,
                               "\(key) names \(path), which is not a readable file in \(directory) (paths are relative to bojagi.yaml): render copies it into the deployment directory",
                               fix: "put \(what) at \(path.hasPrefix("/") ? path : directory + path), or correct \(key)")
    }

    /// `cloud.map.example` → `cloud.map.example`; an address or phrase → `api`.
    static func fileName(_ name: String) -> String {
        name.contains(" ") || IPv4(name) != nil ? "api" : name
    }
}
