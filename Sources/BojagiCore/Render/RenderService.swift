import Foundation

/// Renders a blueprint into a deployment directory for kolla-ansible and cephadm: plan, refuse on errors,
/// generate every file as a value, then hand them to the one writer.
public struct RenderService: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case planHasErrors([Finding])
        /// A file the blueprint names could not be read (it changed after validation).
        case unreadable(key: String, path: String, directory: String)

        public var description: String {
            switch self {
            case let .planHasErrors(findings):
                return "the blueprint has errors; nothing was rendered\n" + PlanReport.findings(findings)
            case let .unreadable(key, path, directory):
                return "\(key) names \(path), which cannot be read in \(directory); nothing was rendered"
            }
        }
    }

    let planner: PlanService
    let kolla: KollaFiles
    let secrets: any SecretSource

    public init(planner: PlanService, kolla: KollaFiles, secrets: any SecretSource) {
        self.planner = planner
        self.kolla = kolla
        self.secrets = secrets
    }

    /// Every file of the deployment directory, reusing the secrets already in `directory`.
    public func files(for blueprint: Blueprint, existing directory: URL) throws -> [RenderedFile] {
        let plan = planner.plan(blueprint)
        guard !plan.hasErrors else { throw Failure.planHasErrors(plan.findings.filter { $0.severity == .error }) }
        let context = RenderContext(blueprint: blueprint, plan: plan, catalog: planner.catalog, kolla: kolla)
        let existingPasswords = try read(directory, "passwords.yml") { try Passwords(yaml: $0, file: $1) }
        let existingKeys = try read(directory, "ceph/keys.yml") { try CephKeys(yaml: $0, file: $1) }
        let passwords = try Passwords.complete(keys: kolla.passwordKeys(for: context.release), existing: existingPasswords, secrets: secrets)
        let tls = try material(blueprint.tls)
        return [InventoryRenderer.render(context), GlobalsRenderer.render(context), try passwords.file()]
            + ConfigRenderer.render(context)
            + (try CephRenderer.render(context, existingKeys: existingKeys, secrets: secrets))
            + TLSRenderer.files(context, material: tls)
            + MonitoringRenderer.render(context)
    }

    /// The certificate files the blueprint names, through the planner's `BlueprintFiles` (SEC003 has checked them).
    private func material(_ tls: TLS) throws -> TLSRenderer.Material {
        guard tls.external || tls.internal, !tls.selfSigned else { return TLSRenderer.Material() }
        func read(_ key: String, _ path: String?) throws -> String? {
            guard let path else { return nil }
            guard let text = planner.files.text(path) else {
                throw Failure.unreadable(key: key, path: path, directory: planner.files.directory)
            }
            return text
        }
        let usesCertificate = tls.external || tls.internalCertificate == nil
        return TLSRenderer.Material(certificate: try read("tls.certificate", usesCertificate ? tls.certificate : nil),
                                    internalCertificate: try read("tls.internal_certificate", tls.internal ? tls.internalCertificate : nil),
                                    ca: try read("tls.ca", tls.ca))
    }

    private func read<T>(_ directory: URL, _ path: String, _ parse: (String, String) throws -> T) throws -> T? {
        let url = directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try parse(String(decoding: data, as: UTF8.self), url.path)
    }

    /// `render --check`: the differences between the directory and a fresh render, secret values hidden.
    public func check(_ files: [RenderedFile], in directory: URL) -> (changes: [DirectoryWriter.Change], diff: String) {
        let changes = DirectoryWriter().changes(files, in: directory)
        var diff = ""
        for (file, change) in zip(files, changes) where change.kind != .unchanged {
            let url = directory.appendingPathComponent(file.path)
            let old = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let text = LineDiff.unified(old: old, new: file.contents, path: file.path, hideValues: file.holdsSecrets)
            diff += text.isEmpty ? "\(file.path): mode differs (want \(String(file.mode, radix: 8)))\n" : text
        }
        return (changes, diff)
    }
}
