import Foundation

/// A unified diff of two texts, for `render --check`. Secret files show which keys changed, never values.
public enum LineDiff {
    public static func unified(old: String, new: String, path: String, hideValues: Bool, context: Int = 2) -> String {
        let a = lines(old, hideValues: hideValues), b = lines(new, hideValues: hideValues)
        let script = edits(a, b)
        guard script.contains(where: { $0.kind != " " }) else { return "" }
        var out = "--- \(path) (on disk)\n+++ \(path) (rendered)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != " " else { index += 1; continue }
            let start = max(0, index - context)
            var end = index
            while end < script.count {
                if script[end].kind != " " { end += 1; continue }
                let nextChange = script[end...].firstIndex { $0.kind != " " }
                if let next = nextChange, next - end <= context * 2 { end = next } else { break }
            }
            let stop = min(script.count, end + context)
            out += "@@ \(path) @@\n"
            for edit in script[start..<stop] { out += "\(edit.kind)\(edit.line)\n" }
            index = stop
        }
        return out
    }

    struct Edit { let kind: Character; let line: String }

    static func lines(_ text: String, hideValues: Bool) -> [String] {
        var inPEM = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard hideValues else { return String(line) }
            // A PEM block's base64 lines may end in '=' padding: never split them like `key=value`.
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("-----BEGIN ") { inPEM = true; return String(line) }
            if trimmed.hasPrefix("-----END ") { inPEM = false; return String(line) }
            if inPEM { return "<hidden>" }
            for separator in [": ", " = ", "="] {
                if let range = line.range(of: separator) {
                    return String(line[..<range.upperBound]) + "<hidden>"
                }
            }
            return line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") || line.hasPrefix("[") ? String(line) : "<hidden>"
        }
    }

    /// Longest-common-subsequence edit script; files here are at most a few thousand lines.
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                result.append(Edit(kind: " ", line: a[i])); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                result.append(Edit(kind: "-", line: a[i])); i += 1
            } else {
                result.append(Edit(kind: "+", line: b[j])); j += 1
            }
        }
        return result
    }
}
