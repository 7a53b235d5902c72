import Foundation
import BojagiOpenStack

/// The OpenStack series the labs run: exactly those with a constraints file in `scripts/lab`
/// (`constraints-<release>.txt`, from which `install-venv.sh` installs the release's venv). The file is the one
/// source of truth, so pinning a new series needs no change here.
public struct LabReleases: Sendable, Equatable {
    /// Release ids, oldest first (`2025.1`, `2025.2`, …).
    public let ids: [String]

    public init(ids: [String]) {
        self.ids = ids.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    }

    /// The releases named by `constraints-<release>.txt` among `fileNames`; other names are ignored.
    public init(fileNames: [String]) {
        self.init(ids: fileNames.compactMap { name in
            guard name.hasPrefix(Self.prefix), name.hasSuffix(Self.suffix), name.count > Self.prefix.count + Self.suffix.count else { return nil }
            return String(name.dropFirst(Self.prefix.count).dropLast(Self.suffix.count))
        })
    }

    /// The releases pinned in `scripts` (the `scripts/lab` directory).
    public init(scripts: URL) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: scripts.path)
        } catch {
            throw LabFailure("lab", step: "release", message: "cannot list the lab's constraints files in \(scripts.path): \(error.localizedDescription)",
                             fix: "run bojagi from the Bojagi checkout or set BOJAGI_LAB_SCRIPTS to its scripts/lab")
        }
        self.init(fileNames: names)
    }

    static let prefix = "constraints-"
    static let suffix = ".txt"

    /// The file that pins `release`, relative to `scripts/lab`.
    public static func constraintsFile(_ release: String) -> String { prefix + release + suffix }

    /// Refuses a release the labs have no pinned venv for, naming the ones they can run.
    public func check(_ release: String) throws {
        guard !ids.contains(release) else { return }
        let can = ids.isEmpty ? "no release (scripts/lab holds no constraints file)" : ids.joined(separator: ", ")
        throw LabFailure("lab", step: "release",
                         message: "the lab cannot run OpenStack \(release): it runs \(can), one pinned venv each; the blueprint asks for \(release)",
                         fix: "set `release:` in the blueprint to one of \(ids.joined(separator: ", ")) for the lab, or pin \(release): "
                            + "scripts/lab/make-constraints.sh \(release) writes scripts/lab/\(Self.constraintsFile(release)) from the series' upper-constraints")
    }
}
