/// Word-wrapping for reports read in a terminal: whole words, never past `width` unless one word is longer.
public enum TextWrap {
    /// `text` wrapped to `width` columns, the first line after `first`, the others after `rest`.
    public static func wrap(_ text: String, width: Int = 80, first: String = "", rest: String? = nil) -> String {
        let rest = rest ?? String(repeating: " ", count: first.count)
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }
}
