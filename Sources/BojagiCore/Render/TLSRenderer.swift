/// TLS on kolla's VIPs: the blueprint's certificates copied to where kolla-ansible looks for them
/// (`kolla_certificates_dir`, the deployment directory's `certificates/`), and the globals that point there.
public enum TLSRenderer {
    /// The texts of the files the blueprint names, read through the `BlueprintFiles` effect by the service.
    public struct Material: Sendable, Hashable {
        public var certificate: String?
        public var internalCertificate: String?
        public var ca: String?

        public init(certificate: String? = nil, internalCertificate: String? = nil, ca: String? = nil) {
            self.certificate = certificate
            self.internalCertificate = internalCertificate
            self.ca = ca
        }
    }

    static let externalFile = "certificates/haproxy.pem"
    static let internalFile = "certificates/haproxy-internal.pem"
    /// Where `kolla-ansible certificates` puts its test CA.
    static let selfSignedCA = "certificates/ca/root.crt"

    /// `certificates/ca/<name>.crt`: kolla copies every file of certificates/ca/ into the containers' trust
    /// store, and Debian's update-ca-certificates takes only `.crt`.
    static func caFile(_ blueprint: Blueprint) -> String? {
        if blueprint.tls.selfSigned { return selfSignedCA }
        guard let path = blueprint.tls.ca else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        return "certificates/ca/\(stem.isEmpty ? "ca" : stem).crt"
    }

    /// Whether ProxySQL serves the database over TLS too (kolla's database_enable_tls_internal).
    static func proxySQLTLS(_ context: RenderContext) -> Bool {
        context.blueprint.tls.internal && context.has("proxysql")
    }

    public static func globals(_ context: RenderContext) -> [GlobalsEntry] {
        let tls = context.blueprint.tls
        guard tls.external || tls.internal else { return [] }
        var entries: [GlobalsEntry] = []
        if tls.external {
            entries.append(GlobalsEntry("kolla_enable_tls_external", .flag(true), from: "tls.external"))
        }
        if tls.internal {
            entries.append(GlobalsEntry("kolla_enable_tls_internal", .flag(true), from: "tls.internal"))
        }
        let dir = "{{ kolla_certificates_dir }}/"
        if tls.external, tls.certificate != nil, !tls.selfSigned {
            entries.append(GlobalsEntry("kolla_external_fqdn_cert", .string(dir + "haproxy.pem"),
                                        from: "tls.certificate (copied to \(externalFile))"))
        }
        if tls.internal, tls.internalBundle != nil, !tls.selfSigned {
            let key = tls.internalCertificate == nil ? "tls.certificate" : "tls.internal_certificate"
            entries.append(GlobalsEntry("kolla_internal_fqdn_cert", .string(dir + "haproxy-internal.pem"),
                                        from: "\(key) (copied to \(internalFile))"))
        }
        if let ca = caFile(context.blueprint) {
            let origin = tls.selfSigned ? "tls.self_signed (`kolla-ansible certificates` writes \(ca))" : "tls.ca (copied to \(ca))"
            entries.append(GlobalsEntry("kolla_copy_ca_into_containers", .flag(true), from: origin))
            // Inside the containers the copied CA joins the system trust store; services are pointed at it.
            let bundle = context.blueprint.deployment.baseDistro == "rocky" ? "/etc/pki/tls/certs/ca-bundle.crt" : "/etc/ssl/certs/ca-certificates.crt"
            entries.append(GlobalsEntry("openstack_cacert", .string(bundle),
                                        from: "\(tls.selfSigned ? "tls.self_signed" : "tls.ca"): the containers' trust store on \(context.blueprint.deployment.baseDistro), which holds it"))
            // admin-openrc.sh is written and used on the deployment host, where the deployment directory is.
            entries.append(GlobalsEntry("kolla_admin_openrc_cacert", .string(dir + String(ca.dropFirst("certificates/".count))), from: origin))
        }
        return entries
    }

    /// The certificate files of the deployment directory; bundles with private keys are 0600.
    public static func files(_ context: RenderContext, material: Material) -> [RenderedFile] {
        let tls = context.blueprint.tls
        guard tls.external || tls.internal, !tls.selfSigned else { return [] }
        var files: [RenderedFile] = []
        if tls.external, let text = material.certificate {
            files.append(RenderedFile(path: externalFile, contents: terminated(text), mode: 0o600))
        }
        let internalText = tls.internalCertificate == nil ? material.certificate : material.internalCertificate
        if tls.internal, let text = internalText {
            files.append(RenderedFile(path: internalFile, contents: terminated(text), mode: 0o600))
        }
        if let ca = caFile(context.blueprint), let text = material.ca {
            files.append(RenderedFile(path: ca, contents: terminated(text)))
        }
        // ProxySQL takes the internal certificate and key as separate files, and the CA (kolla's copy-certs).
        if proxySQLTLS(context), let text = internalText {
            let bundle = PEMBundle(text)
            files.append(RenderedFile(path: "certificates/proxysql-cert.pem", contents: bundle.certificates.map(\.text).joined()))
            files.append(RenderedFile(path: "certificates/proxysql-key.pem", contents: bundle.privateKeys.map(\.text).joined(), mode: 0o600))
            if let ca = material.ca {
                files.append(RenderedFile(path: "certificates/proxysql-ca.pem", contents: terminated(ca)))
            }
        }
        return files
    }

    private static func terminated(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}
