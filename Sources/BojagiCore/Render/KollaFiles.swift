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
    /// Inventory groups a release's roles read beyond master's, with their children, by code name.
    public let extraGroups: [String: [String: [String]]]

    public init(inventory: KollaInventory, passwordKeys: [String], extraPasswordKeys: [String: [String]],
                extraGroups: [String: [String: [String]]] = [:]) {
        self.inventory = inventory
        self.passwordKeys = passwordKeys
        self.extraPasswordKeys = extraPasswordKeys
        self.extraGroups = extraGroups
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
                let extraGroups: [String: [String]]?
                enum CodingKeys: String, CodingKey {
                    case extraPasswords = "extra_passwords"
                    case extraGroups = "extra_groups"
                }
            }
            let releases: [String: Entry]
        }
        let releases = try YAMLDecoder().decode(Releases.self, from: try text("releases.yaml"))
        return KollaFiles(inventory: try KollaInventory.bundled(), passwordKeys: keys,
                          extraPasswordKeys: releases.releases.mapValues(\.extraPasswords),
                          extraGroups: releases.releases.compactMapValues(\.extraGroups))
    }

    /// The `[group:children]` groups of the release beyond master's, sorted, none of them in master's model.
    public func extraGroups(for release: Release) -> [(group: String, children: [String])] {
        (extraGroups[release.name] ?? [:]).filter { inventory.children[$0.key] == nil }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Every password key the release's kolla-ansible expects, sorted.
    public func passwordKeys(for release: Release) -> [String] {
        Array(Set(passwordKeys + (extraPasswordKeys[release.name] ?? []))).sorted()
    }
}
