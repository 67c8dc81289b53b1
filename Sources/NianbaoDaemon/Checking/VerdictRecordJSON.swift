import NianbaoOffice

// `VerdictRecord` written with `JSONWriter`: the same keys, values and nulls as its
// `Encodable` form, keys sorted as `JSONEncoder` with `.sortedKeys` writes them, so the
// journal, `check --json` and anything reading them see the same bytes as before.

extension VerdictRecord: JSONWritable {
    /// The record as one JSON object: `encoding`, `template`, `agency`, `year` and
    /// `published` are null when unknown; `tables` and the journal fields are absent when nil.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("agency")
        writer.string(agency)
        if let arrival {
            writer.key("arrival")
            writer.string(arrival)
        }
        if let arrivalSeq {
            writer.key("arrival_seq")
            writer.integer(arrivalSeq)
        }
        if let drop {
            writer.key("drop")
            writer.string(drop)
        }
        writer.key("encoding")
        writer.string(encoding)
        if let event {
            writer.key("event")
            writer.string(event.rawValue)
        }
        writer.key("findings")
        writer.beginArray()
        for finding in findings { writer.value(finding) }
        writer.endArray()
        writer.key("format")
        writer.string(format)
        writer.key("path")
        writer.string(path)
        writer.key("published")
        writer.string(published)
        if let relativePath {
            writer.key("relative_path")
            writer.string(relativePath)
        }
        if let retry {
            writer.key("retry")
            writer.integer(retry)
        }
        if let seq {
            writer.key("seq")
            writer.integer(seq)
        }
        writer.key("sha256")
        writer.string(sha256)
        if let tables {
            writer.key("tables")
            writer.value(tables)
        }
        writer.key("template")
        writer.string(template)
        if let time {
            writer.key("time")
            writer.string(time)
        }
        writer.key("verdict")
        writer.string(verdict.rawValue)
        writer.key("year")
        writer.integer(year)
        writer.endObject()
    }
}

extension VerdictRecord.FindingRecord: JSONWritable {
    /// `{"code": …, "location": … or null, "message": …, "settled": {"reason", "time"} when settled, "severity": …}`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("code")
        writer.string(code)
        writer.key("location")
        writer.string(location)
        writer.key("message")
        writer.string(message)
        if let settled {
            writer.key("settled")
            writer.beginObject()
            writer.key("reason")
            writer.string(settled.reason)
            writer.key("time")
            writer.string(settled.time)
            writer.endObject()
        }
        writer.key("severity")
        writer.string(severity)
        writer.endObject()
    }
}
