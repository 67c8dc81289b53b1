/// Pieces of the Prometheus text exposition format (version 0.0.4).
enum PrometheusText {
    /// A label value with `\`, `"` and newline escaped.
    static func labelValue(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// HELP text with `\` and newline escaped.
    static func help(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// `{a="x",b="y"}`, or nothing without labels.
    static func labels(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return "{" + pairs.map { "\($0.0)=\"\(labelValue($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// A sample value: integers without a fraction, +Inf/-Inf/NaN spelt as Prometheus does.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// The `# HELP` and `# TYPE` lines of a family.
    static func header(_ name: String, _ type: String, _ help: String) -> String {
        "# HELP \(name) \(self.help(help))\n# TYPE \(name) \(type)\n"
    }
}
