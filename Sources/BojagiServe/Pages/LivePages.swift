import Foundation

/// Health, logs and runs: pages that read what is running and what was recorded. Health and the log tail
/// refresh themselves with fetch() from the JSON API.
enum LivePages {
    static func health(_ sample: HealthSample?, target: String?, refreshSeconds: Int, subtitle: String) -> String {
        guard let target else {
            return Layout.page("Health", path: "/health", subtitle: subtitle,
                               body: "<p class=\"note\">Nothing running is watched: serve with <code>--lab</code>, <code>--ha-lab</code> or <code>--cloud NAME</code>.</p>")
        }
        let body = """
        <p class="note">\(Layout.h(target)); sampled every \(refreshSeconds) s, this page refreshes itself. <span id="summary">\(summary(sample))</span></p>
        <div id="components">\(table(sample))</div>
        """
        let script = """
        async function refresh() {
          try {
            const response = await fetch('/api/health', {credentials: 'same-origin'});
            if (!response.ok) { return; }
            const sample = await response.json();
            const rows = sample.components.map(c => {
              const log = c.log ? '<a href="/logs?file=' + encodeURIComponent(c.log) + '">log</a>' : '';
              return '<tr class="' + c.state + '" data-id="' + escapeHTML(c.id) + '"><td>' + escapeHTML(c.kind) + '</td><td>' + escapeHTML(c.name) +
                '</td><td class="' + c.state + '">' + c.state + '</td><td>' + escapeHTML(c.detail) + '</td><td>' +
                (c.milliseconds == null ? '' : c.milliseconds + ' ms') + '</td><td>' + log + '</td></tr>';
            });
            document.getElementById('components').innerHTML = '<table><tr><th>Kind</th><th>Component</th><th>State</th><th>Detail</th><th>Latency</th><th>Log</th></tr>' + rows.join('') + '</table>';
            const down = sample.components.filter(c => c.state !== 'up').length;
            document.getElementById('summary').textContent = 'Sampled ' + sample.time + ': ' + sample.components.length + ' components, ' + (down === 0 ? 'all up.' : down + ' not up.');
          } catch (error) {
            document.getElementById('summary').textContent = 'The server does not answer: ' + error;
          }
        }
        function escapeHTML(text) {
          return String(text).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
        }
        setInterval(refresh, \(refreshSeconds * 1000));
        """
        return Layout.page("Health", path: "/health", subtitle: subtitle, body: body, script: script)
    }

    static func summary(_ sample: HealthSample?) -> String {
        guard let sample else { return "No sample yet." }
        let down = sample.components.filter { $0.state != .up }.count
        return "Sampled \(ISO8601DateFormatter().string(from: sample.time)): \(sample.components.count) components, \(down == 0 ? "all up." : "\(down) not up.")"
    }

    static func table(_ sample: HealthSample?) -> String {
        var out = "<table><tr><th>Kind</th><th>Component</th><th>State</th><th>Detail</th><th>Latency</th><th>Log</th></tr>\n"
        for c in sample?.components ?? [] {
            out += "<tr class=\"\(c.state.rawValue)\" data-id=\"\(Layout.h(c.id))\"><td>\(Layout.h(c.kind))</td><td>\(Layout.h(c.name))</td>"
            out += "<td class=\"\(c.state.rawValue)\">\(c.state.rawValue)</td><td>\(Layout.h(c.detail))</td><td>\(c.milliseconds.map { "\($0) ms" } ?? "")</td>"
            out += "<td>\(c.log.map { "<a href=\"/logs?file=\(query($0))\">log</a>" } ?? "")</td></tr>\n"
        }
        return out + "</table>\n"
    }

    static func query(_ value: String) -> String {
        Layout.h(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? value)
    }

    static func logs(_ logs: LogFiles?, file: String?, search: String?, lines: [String]?, error: String?, console: Bool, subtitle: String) -> String {
        guard let logs else {
            return Layout.page("Logs", path: "/logs", subtitle: subtitle,
                               body: "<p class=\"note\">No lab is served, so there are no log files: serve with <code>--lab</code> or <code>--ha-lab</code>.</p>")
        }
        var body = "<form method=\"get\" action=\"/logs\"><label>Log <select name=\"file\">"
        for entry in logs.list() {
            body += "<option value=\"\(Layout.h(entry.name))\"\(entry.name == file ? " selected" : "")>\(Layout.h(entry.name)) (\(entry.bytes / 1024) KiB)</option>"
        }
        body += "</select></label> <label>Search <input name=\"q\" value=\"\(Layout.h(search ?? ""))\"></label> <button>Show</button></form>\n"
        if let error { body += "<p class=\"error\">\(Layout.h(error))</p>\n" }
        var script = ""
        if let file, let lines {
            body += "<p class=\"note\">\(Layout.h(logs.directory.path))/\(Layout.h(file)), the last \(lines.count) lines\(search.map { " containing “\(Layout.h($0))”" } ?? ""), following the file.</p>\n"
            body += "<pre id=\"tail\">\(Layout.h(lines.joined(separator: "\n")))</pre>\n"
            script = """
            const source = '/api/logs/tail?file=' + encodeURIComponent(\(jsString(file))) + '&lines=200' + (\(jsString(search ?? "")) ? '&search=' + encodeURIComponent(\(jsString(search ?? ""))) : '');
            async function follow() {
              const response = await fetch(source, {credentials: 'same-origin'});
              if (response.ok) { const tail = await response.json(); document.getElementById('tail').textContent = tail.lines.join('\\n'); }
            }
            setInterval(follow, 3000);
            """
        }
        if console {
            body += "<h2>Console log of an instance</h2>\n<form method=\"get\" action=\"/api/console\"><label>Server ID <input name=\"server\"></label> <button>Show</button></form>\n"
        }
        return Layout.page("Logs", path: "/logs", subtitle: subtitle, body: body, script: script)
    }

    /// A JavaScript string literal; `</` is broken so the text cannot close the script element.
    static func jsString(_ value: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast()).replacingOccurrences(of: "</", with: "<\\/")
    }

    static func runs(_ runs: [RunRecords.Run], home: String, subtitle: String) -> String {
        var body = "<p class=\"note\">Reports under \(Layout.h(home)): drills, OSD drills and Tempest runs, newest first.</p>\n"
        if runs.isEmpty {
            body += "<p>No run recorded yet: <code>bojagi drill</code>, <code>bojagi drill osd</code> and <code>bojagi verify --tempest</code> keep their reports there.</p>\n"
        } else {
            body += Layout.table(["When", "Run", "Against", "Figures", "Report"], runs.map { run in
                [ISO8601DateFormatter().string(from: run.modified), Layout.h(run.kind), Layout.h(run.target),
                 run.figures.sorted { $0.key < $1.key }.map { "\(Layout.h($0.key)) \(Layout.h($0.value))" }.joined(separator: "<br>"),
                 Layout.h(run.file)]
            })
        }
        return Layout.page("Runs and drills", path: "/runs", subtitle: subtitle, body: body)
    }
}
