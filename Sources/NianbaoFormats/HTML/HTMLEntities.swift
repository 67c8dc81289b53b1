/// HTML character references: the named ones real pages use, and numeric ones.
enum HTMLEntities {
    private static let named: [String: String] = [
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "ideographicspace": "\u{3000}",
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "laquo": "«", "raquo": "»",
        "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "bull": "•",
        "times": "×", "divide": "÷", "plusmn": "±", "deg": "°", "permil": "‰",
        "yen": "¥", "copy": "©", "reg": "®", "trade": "™", "sect": "§",
        "zwj": "", "zwnj": "", "shy": "", "lrm": "", "rlm": "",
    ]

    /// Decodes every reference in `text`; unknown names are left as they are.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let candidate = after.prefix(32)
            if let semi = candidate.firstIndex(of: ";"), let value = resolve(String(after[..<semi])) {
                result += value
                rest = after[after.index(after: semi)...]
            } else if let value = resolveUnterminated(candidate) {
                result += value.text
                rest = after.dropFirst(value.length)
            } else {
                result += "&"
                rest = after
            }
        }
        result += rest
        return result
    }

    private static func resolve(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let code = value, let scalar = Unicode.Scalar(code), code != 0 else { return nil }
            return code == 0xA0 ? " " : String(Character(scalar))
        }
        return named[name] ?? named[name.lowercased()]
    }

    /// "&nbsp" without a semicolon, as sloppy pages write it.
    private static func resolveUnterminated(_ candidate: Substring) -> (text: String, length: Int)? {
        for name in ["nbsp", "amp", "lt", "gt", "quot"] where candidate.hasPrefix(name) {
            return (named[name] ?? "", name.count)
        }
        return nil
    }
}
