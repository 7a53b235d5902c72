/// Writes the manual's document as HTML: `index.html` (the cloud), `runbooks.html` (alerts and runbooks), each
/// with a table of contents and anchors, and `manual.html`, both in one file for printing to PDF.
public enum ManualHTML {
    public static let printPage = "manual.html"

    public static func render(_ document: ManualDocument, messages t: ManualMessages) -> [RenderedFile] {
        var files = document.pages.map { page in
            RenderedFile(path: page.file, contents: html(document, pages: [page], navigation: true, messages: t))
        }
        files.append(RenderedFile(path: printPage, contents: html(document, pages: document.pages, navigation: false, messages: t)))
        return files
    }

    static func html(_ document: ManualDocument, pages: [ManualDocument.Page], navigation: Bool, messages t: ManualMessages) -> String {
        // In the one-file print, a link to another page's anchor becomes a link within the file.
        let local: (String) -> String = navigation ? { $0 } : { href in
            href.split(separator: "#", maxSplits: 1).last.map { "#\($0)" } ?? href
        }
        var out = """
            <!DOCTYPE html>
            <html lang="\(document.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(escape(document.title))</h1><p class="subtitle">\(escape(document.subtitle))</p>

            """
        if navigation {
            out += "<nav class=\"pages\">" + document.pages.map { "<a href=\"\($0.file)\">\(escape($0.title))</a>" }.joined(separator: " · ") + "</nav>\n"
        }
        out += "</header>\n<nav class=\"toc\"><h2>\(escape(t("toc")))</h2>\n<ol>\n"
        for page in pages {
            for section in page.sections {
                out += "<li><a href=\"#\(section.id)\">\(escape(section.title))</a>"
                if !section.subsections.isEmpty {
                    out += "<ol>" + section.subsections.map { "<li><a href=\"#\($0.id)\">\(escape($0.title))</a></li>" }.joined() + "</ol>"
                }
                out += "</li>\n"
            }
        }
        out += "</ol>\n</nav>\n"
        for page in pages {
            if pages.count > 1 { out += "<h1 class=\"page\">\(escape(page.title))</h1>\n" }
            for section in page.sections { out += render(section, level: 2, local: local, messages: t) }
        }
        return out + "</body>\n</html>\n"
    }

    static func render(_ section: ManualDocument.Section, level: Int, local: (String) -> String, messages t: ManualMessages) -> String {
        var out = "<section id=\"\(section.id)\">\n<h\(level)>\(escape(section.title))</h\(level)>\n"
        for block in section.blocks { out += render(block, local: local, messages: t) }
        for sub in section.subsections { out += render(sub, level: level + 1, local: local, messages: t) }
        return out + "</section>\n"
    }

    static func render(_ block: ManualDocument.Block, local: (String) -> String, messages t: ManualMessages) -> String {
        switch block {
        case let .paragraph(text): return "<p>\(escape(text))</p>\n"
        case let .note(text): return "<p class=\"note\">\(escape(text))</p>\n"
        case let .list(items): return "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        case let .code(text): return "<pre><code>\(escape(text))</code></pre>\n"
        case let .figure(svg, caption): return "<figure>\(svg)<figcaption>\(escape(caption))</figcaption></figure>\n"
        case let .table(table): return render(table, local: local)
        case let .runbook(runbook): return render(runbook, local: local, messages: t)
        }
    }

    static func render(_ table: ManualDocument.Table, local: (String) -> String) -> String {
        var out = "<table>\n<thead><tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (row, cells) in table.rows.enumerated() {
            let id = table.rowIDs.map { " id=\"\($0[row])\"" } ?? ""
            out += "<tr\(id)>"
            for (column, cell) in cells.enumerated() {
                if let href = table.links?["\(row),\(column)"] {
                    out += "<td><a href=\"\(local(href))\">\(escape(cell))</a></td>"
                } else {
                    out += "<td>\(escape(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func render(_ runbook: Runbook, local: (String) -> String, messages t: ManualMessages) -> String {
        var out = "<p>\(escape(runbook.summary))</p>\n<p class=\"impact\"><strong>\(escape(t("runbook.impact")))</strong> \(escape(runbook.impact))</p>\n"
        if !runbook.alerts.isEmpty {
            out += "<p class=\"alerts\"><strong>\(escape(t("runbook.alerts")))</strong> "
                + runbook.alerts.map { "<a href=\"\(local("runbooks.html#\($0.lowercased())"))\">\(escape($0))</a>" }.joined(separator: ", ") + "</p>\n"
        }
        for stage in runbook.stages {
            out += "<h4 id=\"\(runbook.id)-\(stage.part.rawValue)\">\(escape(t("part.\(stage.part.rawValue)")))</h4>\n<ol class=\"steps\">\n"
            for step in stage.steps {
                out += "<li><p>\(escape(step.text))</p>\n"
                if let command = step.command {
                    if let host = step.host { out += "<p class=\"host\">\(escape(t("runbook.on"))) \(escape(host))</p>\n" }
                    out += "<pre><code>\(escape(command))</code></pre>\n"
                }
                if let expect = step.expect, !expect.isEmpty {
                    out += "<p class=\"expect\">\(escape(t("runbook.expect"))) <code>\(escape(expect))</code></p>\n"
                }
                if let lab = step.lab {
                    out += "<p class=\"lab\">\(escape(t("runbook.lab")))</p><pre class=\"lab\"><code>\(escape(lab))</code></pre>\n"
                }
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Print-friendly: A4 (what Korean customers file), Noto Sans CJK KR (fonts-noto-cjk) for Korean, code that wraps
    /// instead of running off the page.
    static let style = """
        @page{size:A4;margin:15mm 14mm}\
        body{font-family:"Noto Sans CJK KR","Noto Sans KR","Noto Sans",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1b1b1b}\
        h1.page{page-break-before:always;border-top:2px solid #333;padding-top:1rem}\
        table{border-collapse:collapse;margin:.8rem 0;font-size:.88rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}\
        th{background:#eef}tr:target{background:#ffd}pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap;word-break:break-all;font-size:.82rem}\
        pre.lab{background:#eef7ee}.note{border-left:4px solid #c60;padding-left:.6rem}.host,.expect,.lab{font-size:.85rem;margin:.2rem 0}\
        code{font-family:"Noto Sans Mono CJK KR","DejaVu Sans Mono",monospace}section{page-break-inside:auto}h2,h3,h4{page-break-after:avoid}
        """
}
