/// "Did you mean" for names a user typed: the shortest candidate the word begins (`web-app` → `web-application`),
/// else the closest candidate within a small edit distance (`desginate` → `designate`).
public enum Suggestion {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = word.lowercased()
        let prefixed = target.count >= 2 ? candidates.filter { $0.lowercased().hasPrefix(target) && $0.count > target.count } : []
        if let shortest = prefixed.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        let limit = max(2, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// ` — did you mean 'nova'?` or an empty string.
    public static func phrase(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " — did you mean '\($0)'?" } ?? ""
    }

    /// ` — did you mean 'nova'?` or `.`: the end of a sentence that more text follows.
    public static func sentence(for word: String, in candidates: some Sequence<String>) -> String {
        let hint = phrase(for: word, in: candidates)
        return hint.isEmpty ? "." : hint
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
