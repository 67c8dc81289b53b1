import Testing
import NianbaoEngine

@Suite struct ParsingDump {
    @Test func dump() throws {
        for name in ParserFixtures.sampleNames {
            let document = try ParserFixtures.document(name)
            let r = ReportEngine().parse(document)
            print("=== \(name)")
            print("title=\(r.title ?? "-") line=\(r.titleLine ?? -1) agency=\(r.agency ?? "-") year=\(r.year ?? -1) pub=\(r.published?.iso ?? "-")@\(r.publishedLine ?? -1) signed=\(r.signed?.iso ?? "-")@\(r.signedLine ?? -1) template=\(r.template?.rawValue ?? "-")")
            for s in r.sections { print("  sec \(s.kind.rawValue) head=\(document.lines[s.headingLine].location) body=\(s.bodyLines) text=\(String(s.text.prefix(30)))…\(String(s.text.suffix(15)))") }
            if let t1 = r.table1 { for b in t1.blocks { print("  T1 (\(b.item)) cols=\(b.columns) rows=\(b.rows.map { "\($0.label):\($0.cells.map(\.raw))@\(document.lines[$0.line].location)" })") } } else { print("  T1 nil") }
            if let t2 = r.table2 {
                for row in Table2Row.allCases { if let cells = t2.rows[row] { print("  T2 \(row.label) @\(document.lines[t2.rowLines[row] ?? 0].location): \(cells.map { $0.raw.isEmpty ? "_" : $0.raw })") } }
                print("  T2 rows=\(t2.rows.count)")
            } else { print("  T2 nil") }
            if let t3 = r.table3 { print("  T3 \(t3.cells.map { $0.raw.isEmpty ? "_" : $0.raw }) @\(document.lines[t3.cells.first?.line ?? 0].location)") } else { print("  T3 nil") }
            for f in r.parseFindings { print("  F \(f.code.rawValue) \(f.message) \(f.location ?? "")") }
        }
        #expect(Bool(true))
    }
}
