import Foundation

/// Existing servers to migrate (the seed's UNIX-to-Linux case), read from CSV:
/// `name,cores,ram_gib,storage_gb,utilisation` with utilisation in percent.
public struct ServerInventory: Sendable, Hashable {
    public struct Server: Sendable, Hashable {
        public let name: String
        public let cores: Int
        public let memoryGiB: Double
        public let storageGB: Double
        /// Peak CPU utilisation, 0–100.
        public let utilisation: Double
    }

    public static let columns = ["name", "cores", "ram_gib", "storage_gb", "utilisation"]

    public let servers: [Server]

    public init(servers: [Server]) { self.servers = servers }

    /// Parses the CSV, reporting every bad cell with its line.
    public init(csv text: String, file: String) throws {
        var diagnostics: [Diagnostic] = []
        var servers: [Server] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r"))) }
        guard let header = lines.first, !header.isEmpty else {
            throw BlueprintError(diagnostics: [Diagnostic(file: file, line: 1, path: "", message: "the file is empty",
                                                          fix: "start with the header \(Self.columns.joined(separator: ","))")])
        }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [String: Int] = [:]
        for column in Self.columns {
            if let position = names.firstIndex(of: column) {
                index[column] = position
            } else {
                diagnostics.append(Diagnostic(file: file, line: 1, path: column, message: "missing column '\(column)'"
                                              + Suggestion.phrase(for: column, in: names),
                                              fix: "the header must name \(Self.columns.joined(separator: ","))"))
            }
        }
        if !diagnostics.isEmpty { throw BlueprintError(diagnostics: diagnostics) }
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty && !line.hasPrefix("#") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func number(_ column: String, _ range: ClosedRange<Double>) -> Double? {
                let position = index[column]!
                guard position < cells.count, let value = Double(cells[position]), range.contains(value) else {
                    let shown = position < cells.count ? "'\(cells[position])'" : "nothing"
                    diagnostics.append(Diagnostic(file: file, line: offset + 1, column: position + 1, path: column,
                                                  message: "\(column) is \(shown)",
                                                  fix: "write a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))"))
                    return nil
                }
                return value
            }
            let name = index["name"]! < cells.count ? cells[index["name"]!] : ""
            let cores = number("cores", 1...4096)
            let memory = number("ram_gib", 0...65536)
            let storage = number("storage_gb", 0...10_000_000)
            let utilisation = number("utilisation", 0...100)
            if let cores, let memory, let storage, let utilisation {
                servers.append(Server(name: name, cores: Int(cores), memoryGiB: memory, storageGB: storage, utilisation: utilisation))
            }
        }
        if !diagnostics.isEmpty { throw BlueprintError(diagnostics: diagnostics) }
        self.servers = servers
    }
}
