import Foundation
import Yams

/// kolla-ansible's own files Bojagi renders against: the inventory group model and the password keys, per
/// release (master's files plus the differences recorded in `kolla/releases.yaml`).
public struct KollaFiles: Sendable {
    public let inventory: KollaInventory
    /// Password keys in master's passwords.yml, in file order.
    public let passwordKeys: [String]
    /// Keys a release expects beyond master's, by code name.
    public let extraPasswordKeys: [String: [String]]

    public init(inventory: KollaInventory, passwordKeys: [String], extraPasswordKeys: [String: [String]]) {
        self.inventory = inventory
        self.passwordKeys = passwordKeys
        self.extraPasswordKeys = extraPasswordKeys
    }

    public static func bundled() throws -> KollaFiles {
        func text(_ name: String) throws -> String {
            guard let url = Bundle.module.url(forResource: "kolla/\(name)", withExtension: nil),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw CatalogError.missing(path: "kolla/\(name)", reason: "not in the bundle")
            }
            return text
        }
        let keys = try text("passwords.yml").split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        struct Releases: Decodable {
            struct Entry: Decodable {
                let extraPasswords: [String]
                enum CodingKeys: String, CodingKey { case extraPasswords = "extra_passwords" }
            }
            let releases: [String: Entry]
        }
        let releases = try YAMLDecoder().decode(Releases.self, from: try text("releases.yaml"))
        return KollaFiles(inventory: try KollaInventory.bundled(), passwordKeys: keys,
                          extraPasswordKeys: releases.releases.mapValues(\.extraPasswords))
    }

    /// Every password key the release's kolla-ansible expects, sorted.
    public func passwordKeys(for release: Release) -> [String] {
        Array(Set(passwordKeys + (extraPasswordKeys[release.name] ?? []))).sorted()
    }
}
