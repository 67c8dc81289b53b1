import NianbaoEngine

/// Reads a roster file: UTF-8 CSV with the header `name,level,folder,aliases`.
///
/// - `level`: a word of `RosterLevel` (部门, 乡镇, 街道, 县区政府, 地市政府, 省级, 垂直管理);
///   left empty, it is read from the name as `date.published_late` does
///   (…人民政府 of a 县/区 is 县区政府, …局 is 部门); a name that tells nothing is an error.
/// - `folder`: the agency's drop subfolder, optional; slashes at either end are dropped.
/// - `aliases`: other names, separated by `|` (or the full-width `｜`), optional.
///
/// Blank lines are skipped; a line of empty fields (",,,", as spreadsheets leave) too.
/// Two entries whose names (or aliases) match the same way (`AgencyName.key`) are duplicates.
public enum RosterParser {
    private static let columns = ["name", "level", "folder", "aliases"]

    /// Parses the roster text, or names the first bad line.
    public static func parse(_ text: String) throws(RosterError) -> Roster {
        let records: [CSVReader.Record]
        switch CSVReader.records(text) {
        case .success(let read): records = read
        case .failure(let failure): throw RosterError(.unterminatedQuote, line: failure.line, text: failure.text)
        }
        guard let header = records.first else { throw RosterError(.empty, line: 1, text: "") }
        let headerFields = trimTrailingEmpty(header.fields.map { AgencyName.fold($0).lowercased() })
        guard headerFields.count >= 2, headerFields.count <= columns.count,
              Array(columns.prefix(headerFields.count)) == headerFields
        else { throw RosterError(.wrongHeader, line: header.line, text: header.text) }

        var entries: [RosterEntry] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            let fields = trimTrailingEmpty(record.fields.map(trim))
            if fields.isEmpty { continue }
            guard fields.count <= headerFields.count else {
                throw RosterError(.tooManyFields(fields.count), line: record.line, text: record.text)
            }
            let entry = try entry(fields, record)
            let key = AgencyName.key(entry.name)
            if let first = seen[key] { throw RosterError(.duplicateName(entry.name, firstLine: first), line: record.line, text: record.text) }
            seen[key] = record.line
            for alias in entry.aliases {
                let aliasKey = AgencyName.key(alias)
                if aliasKey == key { continue }
                if let first = seen[aliasKey] { throw RosterError(.duplicateAlias(alias, firstLine: first), line: record.line, text: record.text) }
                seen[aliasKey] = record.line
            }
            entries.append(entry)
        }
        return Roster(entries: entries)
    }

    private static func entry(_ fields: [String], _ record: CSVReader.Record) throws(RosterError) -> RosterEntry {
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        let name = field(0)
        guard !AgencyName.fold(name).isEmpty else { throw RosterError(.missingName, line: record.line, text: record.text) }
        let levelWord = field(1)
        let level: AgencyLevel
        if AgencyName.fold(levelWord).isEmpty {
            guard let inferred = AgencyLevel(agency: AgencyName.fold(name)) else {
                throw RosterError(.missingLevel, line: record.line, text: record.text)
            }
            level = inferred
        } else {
            guard let named = RosterLevel.level(levelWord) else {
                throw RosterError(.unknownLevel(levelWord), line: record.line, text: record.text)
            }
            level = named
        }
        let folder = field(2).trimmingSlashes
        let aliases = field(3).split(whereSeparator: { $0 == "|" || $0 == "｜" }).map { trim(String($0)) }.filter { !$0.isEmpty }
        return RosterEntry(name: name, level: level, folder: folder.isEmpty ? nil : folder, aliases: aliases, line: record.line)
    }

    private static func trim(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, AgencyName.isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, AgencyName.isSpace(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func trimTrailingEmpty(_ fields: [String]) -> [String] {
        var fields = fields
        while let last = fields.last, last.isEmpty { fields.removeLast() }
        return fields
    }
}

extension String {
    /// The text without leading and trailing slashes.
    var trimmingSlashes: String {
        var scalars = Substring(self).unicodeScalars[...]
        while scalars.first == "/" { scalars.removeFirst() }
        while scalars.last == "/" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
