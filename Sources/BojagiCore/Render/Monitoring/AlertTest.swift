/// One promtool unit test of an alert: synthetic series, a time, and the alerts expected then (none for a
/// test that proves the alert stays quiet).
public struct AlertTest: Sendable, Hashable {
    /// One input series: a metric with labels and promtool's expanding notation (`1x4 0x30`).
    public struct Series: Sendable, Hashable {
        public let metric: String
        public let labels: [String: String]
        public let values: String

        public init(_ metric: String, _ labels: [String: String], _ values: String) {
            self.metric = metric
            self.labels = labels
            self.values = values
        }

        /// `metric{a="1",b="2"}` with the labels sorted.
        public var selector: String {
            guard !labels.isEmpty else { return metric }
            return metric + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",") + "}"
        }
    }

    /// What the test shows: `fires when …`, `stays quiet when …`.
    public let name: String
    /// promtool's sample interval for the series.
    public let interval: String
    /// How often promtool evaluates the rules: every 5 minutes, or every hour for windows of a day, which
    /// would otherwise cost hundreds of evaluations of every rule.
    public let evaluation: Evaluation
    public let series: [Series]
    public let evalTime: String
    /// The expression's label sets of the alerts expected at `evalTime` (the rule's own labels are added).
    public let firing: [[String: String]]

    public enum Evaluation: String, Sendable, Hashable, CaseIterable {
        case fiveMinutes = "5m"
        case hourly = "1h"
    }

    public init(_ name: String, interval: String = "1m", evaluation: Evaluation = .fiveMinutes, series: [Series], at evalTime: String,
                firing: [[String: String]]) {
        self.name = name
        self.interval = interval
        self.evaluation = evaluation
        self.series = series
        self.evalTime = evalTime
        self.firing = firing
    }

    public static func fires(_ name: String, interval: String = "1m", evaluation: Evaluation = .fiveMinutes, _ series: [Series],
                             at evalTime: String, with firing: [[String: String]]) -> AlertTest {
        AlertTest("fires when " + name, interval: interval, evaluation: evaluation, series: series, at: evalTime, firing: firing)
    }

    public static func quiet(_ name: String, interval: String = "1m", evaluation: Evaluation = .fiveMinutes, _ series: [Series],
                             at evalTime: String) -> AlertTest {
        AlertTest("stays quiet when " + name, interval: interval, evaluation: evaluation, series: series, at: evalTime, firing: [])
    }
}
