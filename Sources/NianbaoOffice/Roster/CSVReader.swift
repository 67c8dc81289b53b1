/// A small RFC 4180 reader for spreadsheet-saved CSV: comma-separated fields,
/// double-quoted fields that may hold commas, quotes ("") and line breaks,
/// LF or CRLF line ends, and a leading byte-order mark (Excel's "CSV UTF-8").
struct CSVReader {
    /// One record and the 1-based line it starts on, with its raw text for messages.
    struct Record {
        var fields: [String]
        var line: Int
        var text: String
    }

    /// Why the text is not CSV.
    struct Failure: Error {
        var line: Int
        var text: String
    }

    /// Splits `text` into records. Empty lines produce no record.
    static func records(_ text: String) -> Result<[Record], Failure> {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var raw = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var wasQuoted = false
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Record(fields: fields, line: recordLine, text: String(raw)))
            }
            fields = []
            field = String.UnicodeScalarView()
            raw = String.UnicodeScalarView()
            wasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                        raw.append(contentsOf: "\"\"".unicodeScalars)
                    } else {
                        quoted = false
                        raw.append(scalar)
                        pending = next
                    }
                    continue
                }
                if scalar == "\n" { line += 1 }
                if scalar == "\r" { continue }
                field.append(scalar)
                raw.append(scalar)
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                wasQuoted = true
                raw.append(scalar)
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                raw.append(scalar)
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                raw.append(scalar)
            }
        }
        if quoted {
            var text = String(raw)
            while text.last == "\n" { text.removeLast() }
            return .failure(Failure(line: recordLine, text: text))
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return .success(records)
    }
}
