import Foundation
import BojagiCore

/// Which tests to run: `smoke`, a named area (`identity`, `compute.servers`, `orchestration`, several with commas),
/// a regex, or `@FILE` (a list of test regexes, or an interop guideline's JSON). Areas are anchored on the test id,
/// because stestr matches anywhere in it; a word that names no area (`test_application_credentials`) is a regex.
public enum TempestSelection: Sendable, Equatable, CustomStringConvertible {
    case smoke
    case regex(String)
    case includeList(path: String)
    case guideline(path: String)

    public static func parse(_ text: String) -> TempestSelection {
        if text == "smoke" { return .smoke }
        if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            return path.lowercased().hasSuffix(".json") ? .guideline(path: path) : .includeList(path: path)
        }
        let areas = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if areas.allSatisfy(isArea) {
            return .regex(areas.map(areaPattern).joined(separator: "|"))
        }
        return .regex(text)
    }

    /// The top-level areas: Tempest's API packages, the heat plugin's tests and the scenarios.
    public static let areas = ["compute", "identity", "image", "network", "object_storage", "volume", "orchestration", "scenario"]

    /// `identity`, `compute.servers`: a known area, then dotted package names.
    static func isArea(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, areas.contains(String(first)) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
    }

    /// `compute.servers` → `^tempest\.api\.compute\.servers\.`; `orchestration` → the heat plugin's api and
    /// functional tests (Tempest itself has none); `scenario` → `^tempest\.scenario\.`.
    static func areaPattern(_ area: String) -> String {
        switch area {
        case "orchestration": return #"^heat_tempest_plugin\.tests\.(api|functional)\."#
        case "scenario": return #"^tempest\.scenario\."#
        default: return #"^tempest\.api\."# + area.replacingOccurrences(of: ".", with: #"\."#) + #"\."#
        }
    }

    /// `tempest run` arguments for the selection (a list file already written to `listFile` where one is needed).
    func arguments(listFile: String?) -> [String] {
        switch self {
        case .smoke: return ["--smoke"]
        case .regex(let pattern): return ["--regex", pattern]
        case .includeList(let path): return ["--include-list", path]
        case .guideline: return listFile.map { ["--load-list", $0] } ?? []
        }
    }

    public var description: String {
        switch self {
        case .smoke: "smoke"
        case .regex(let pattern): pattern
        case .includeList(let path): "@" + path
        case .guideline(let path): "@" + path + " (interop guideline)"
        }
    }
}
