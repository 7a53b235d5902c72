import Foundation

/// The latest health sample in Prometheus' text format, for a Prometheus to scrape at /metrics.
enum MetricsText {
    static func render(_ sample: HealthSample?) -> String {
        var out = """
        # HELP bojagi_component_up 1 when the component was up in the latest sample, 0.5 when degraded, 0 when down.
        # TYPE bojagi_component_up gauge

        """
        guard let sample else { return out }
        for component in sample.components {
            let value = component.state == .up ? "1" : component.state == .degraded ? "0.5" : "0"
            out += "bojagi_component_up{\(labels(component))} \(value)\n"
        }
        out += "# HELP bojagi_component_latency_seconds How long the component took to answer its probe.\n# TYPE bojagi_component_latency_seconds gauge\n"
        for component in sample.components {
            guard let milliseconds = component.milliseconds else { continue }
            out += "bojagi_component_latency_seconds{\(labels(component))} \(String(format: "%.3f", Double(milliseconds) / 1000))\n"
        }
        out += "# HELP bojagi_health_sample_timestamp_seconds When the latest sample was taken.\n# TYPE bojagi_health_sample_timestamp_seconds gauge\n"
        out += "bojagi_health_sample_timestamp_seconds \(Int(sample.time.timeIntervalSince1970))\n"
        return out
    }

    static func labels(_ component: ComponentHealth) -> String {
        "kind=\"\(escape(component.kind))\",name=\"\(escape(component.name))\""
    }

    /// The exposition format's label escaping: backslash, double quote and newline.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
