import Foundation
import BojagiCore

/// The page frame every dashboard page shares: one inline style sheet, the navigation, no outside resources.
enum Layout {
    static let pages: [(path: String, title: String)] = [
        ("/", "Package"), ("/topology", "Topology"), ("/capacity", "Capacity"), ("/health", "Health"), ("/logs", "Logs"), ("/runs", "Runs"),
    ]

    static func page(_ title: String, path: String, subtitle: String, body: String, script: String = "") -> String {
        let navigation = pages.map { page in
            "<a href=\"\(page.path)\"\(page.path == path ? " class=\"here\"" : "")>\(page.title)</a>"
        }.joined(separator: " ")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(title)) · Bojagi</title>
        <link rel="icon" href="data:,">
        <style>
        body { font-family: sans-serif; margin: 0; color: #1a1a1a; background: #fafbfc; }
        header { background: #2f4f6f; color: #fff; padding: 10px 20px; }
        header a { color: #dfe8f0; margin-right: 14px; text-decoration: none; }
        header a.here { color: #fff; font-weight: bold; border-bottom: 2px solid #fff; }
        header .what { float: right; color: #dfe8f0; font-size: 13px; }
        main { padding: 16px 20px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
        th, td { border-bottom: 1px solid #dde3e8; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
        th { color: #555; }
        .up { color: #1e7b34; font-weight: bold; } .degraded { color: #b26a00; font-weight: bold; } .down { color: #c62828; font-weight: bold; }
        tr.down td { background: #fdecea; } tr.degraded td { background: #fff4e0; }
        .error { color: #c62828; } .warning { color: #b26a00; } .advice { color: #555; }
        pre { background: #f0f2f4; padding: 8px; font-size: 12px; overflow-x: auto; max-height: 70vh; }
        .note { color: #555; font-size: 13px; }
        </style>
        </head>
        <body>
        <header><span class="what">\(h(subtitle))</span><strong>Bojagi</strong> · \(navigation)</header>
        <main>
        <h1>\(h(title))</h1>
        \(body)
        </main>
        \(script.isEmpty ? "" : "<script>\n\(script)\n</script>")
        </body>
        </html>

        """
    }

    /// HTML escaping of text from files, labs and clouds.
    static func h(_ value: String) -> String { TopologyDiagram.escape(value) }

    static func table(_ headers: [String], _ rows: [[String]], rowClasses: [String]? = nil) -> String {
        var out = "<table><tr>" + headers.map { "<th>\(h($0))</th>" }.joined() + "</tr>\n"
        for (index, row) in rows.enumerated() {
            let rowClass = rowClasses.map { " class=\"\($0[index])\"" } ?? ""
            out += "<tr\(rowClass)>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    static func noBlueprint(_ what: String) -> String {
        "<p class=\"note\">No blueprint is served, so there is no \(h(what)): start with <code>bojagi serve FILE</code>.</p>"
    }
}
