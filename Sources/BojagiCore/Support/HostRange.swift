/// Writes runs of numbered host names back as ranges: ctl01, ctl02, ctl03 → ctl[01:03].
enum HostRange {
    static func compress(_ names: [String], order: [String]) -> String {
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = names.sorted { (position[$0] ?? .max, $0) < (position[$1] ?? .max, $1) }
        var parts: [String] = []
        var run: [(prefix: String, digits: String, number: Int)] = []
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            parts.append(run.count == 1 ? first.prefix + first.digits : "\(first.prefix)[\(first.digits):\(last.digits)]")
            run = []
        }
        for name in sorted {
            let digits = String(name.reversed().prefix { $0.isNumber }.reversed())
            let prefix = String(name.dropLast(digits.count))
            guard let number = Int(digits), !digits.isEmpty else {
                flush()
                parts.append(name)
                continue
            }
            if let last = run.last, last.prefix == prefix, last.number + 1 == number, last.digits.count == digits.count {
                run.append((prefix, digits, number))
            } else {
                flush()
                run = [(prefix, digits, number)]
            }
        }
        flush()
        return parts.joined(separator: ", ")
    }
}
