/// The manual as data: pages of sections, each a list of blocks. Built once per language from the plan, the
/// alert rules and the lab's records; the HTML writer and the JSON output read it.
public struct ManualDocument: Sendable, Codable, Hashable {
    public struct Page: Sendable, Codable, Hashable {
        /// `index.html`, `runbooks.html`.
        public let file: String
        public let title: String
        public let sections: [Section]
    }

    public struct Section: Sendable, Codable, Hashable {
        /// The anchor: stable, ASCII, unique in the page.
        public let id: String
        public let title: String
        public let blocks: [Block]
        public let subsections: [Section]

        public init(id: String, title: String, blocks: [Block], subsections: [Section] = []) {
            self.id = id
            self.title = title
            self.blocks = blocks
            self.subsections = subsections
        }
    }

    public struct Table: Sendable, Codable, Hashable {
        public let header: [String]
        public let rows: [[String]]
        /// Row anchors (alert names), aligned with `rows`, when rows are link targets.
        public let rowIDs: [String]?
        /// Cells that link: `[row][column]` → `page#anchor`.
        public let links: [String: String]?

        public init(header: [String], rows: [[String]], rowIDs: [String]? = nil, links: [String: String]? = nil) {
            self.header = header
            self.rows = rows
            self.rowIDs = rowIDs
            self.links = links
        }
    }

    public enum Block: Sendable, Codable, Hashable {
        case paragraph(String)
        case list([String])
        case table(Table)
        case code(String)
        /// A sentence that must stand out: what is not HA, what has no record yet.
        case note(String)
        case runbook(Runbook)
        /// An inline SVG drawing and its caption.
        case figure(svg: String, caption: String)
    }

    public let language: ManualMessages.Language
    public let title: String
    public let subtitle: String
    public let pages: [Page]
    /// Every runbook, also in `pages`, for `--format json` and the lab's executor.
    public let runbooks: [Runbook]

    /// Every `⟦…⟧` in the text: keys or placeholders the catalogs lack.
    public var unresolved: [String] {
        var found: Set<String> = []
        func scan(_ text: String) {
            var rest = Substring(text)
            while let open = rest.range(of: ManualMessages.unresolvedMark) {
                let tail = rest[open.upperBound...]
                let end = tail.firstIndex(of: "⟧") ?? tail.endIndex
                found.insert(String(tail[..<end]))
                rest = tail[end...]
            }
        }
        func visit(_ section: Section) {
            scan(section.title)
            for block in section.blocks {
                switch block {
                case let .paragraph(text), let .note(text), let .code(text): scan(text)
                case let .list(items): items.forEach(scan)
                case let .table(table): (table.header + table.rows.flatMap { $0 }).forEach(scan)
                case let .runbook(runbook): runbook.texts.forEach(scan)
                case let .figure(_, caption): scan(caption)
                }
            }
            section.subsections.forEach(visit)
        }
        scan(title)
        scan(subtitle)
        for page in pages { scan(page.title); page.sections.forEach(visit) }
        return found.sorted()
    }
}
