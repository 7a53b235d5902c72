import Foundation

/// Finds English left in a Korean manual: runs of five or more English words in a row, outside `<pre>`,
/// `<code>`, `<style>` and backquoted commands. A word is ASCII letters only, in any case, with an optional
/// `'s` (`every service's containers`, `a full MariaDB backup`). Anything else is not a word and ends a run:
/// an identifier (`kolla-ansible`, `ha.enabled`, `rabbitmq_image`, `bond0`, `2026.1`, `HEALTH_OK`), Hangul,
/// punctuation (`,` `;` `:` `(` `→` `+`) and the end of an element, so lists of service names and table cells
/// never join into one run, while any English clause does.
enum EnglishRuns {
    static func find(inHTML html: String, minimumWords: Int = 5) -> [String] {
        var text = html
        for element in ["style", "pre", "code"] {
            text = text.replacingOccurrences(of: "(?s)<\(element)[^>]*>.*?</\(element)>", with: "\n",
                                             options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return find(inText: text, minimumWords: minimumWords)
    }

    static func find(inText text: String, minimumWords: Int = 5) -> [String] {
        // A backquoted command is code wherever it stands.
        let prose = text.replacingOccurrences(of: "`[^`\n]*`", with: "\n", options: .regularExpression)
        var runs: [String] = []
        var run: [String] = []
        func close() {
            if run.count >= minimumWords { runs.append(run.joined(separator: " ")) }
            run = []
        }
        for line in prose.split(separator: "\n", omittingEmptySubsequences: false) {
            // Spaces join words; every other character that is not part of a word ends the run.
            var token = ""
            for character in line + "\n" {
                if character.isLetter || character == "'" || character == "’" || character.isNumber
                    || "._-/=<>+*@$%".contains(character) {
                    token.append(character)
                    continue
                }
                if !token.isEmpty {
                    if isWord(token) { run.append(token) } else { close() }
                    token = ""
                }
                if character != " " { close() }
            }
            close()
        }
        return runs
    }

    /// `restarts`, `Upgrade`, `MariaDB`, `service's`; not `kolla-ansible`, `bond0`, `HEALTH_OK`, `스토리지`.
    static func isWord(_ token: String) -> Bool {
        var letters = Substring(token)
        if letters.hasSuffix("'s") || letters.hasSuffix("’s") { letters = letters.dropLast(2) }
        return !letters.isEmpty && letters.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
