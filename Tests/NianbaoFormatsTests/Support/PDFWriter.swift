import NianbaoTestSupport
@testable import NianbaoFormats

/// Writes small text PDFs with a CID font (Identity-H, not embedded) and a
/// ToUnicode map, so poppler can extract CJK text without any font installed.
struct PDFWriter {
    struct Run {
        var x: Double
        /// Baseline, from the top of the page.
        var y: Double
        var size: Double
        var text: String
    }

    var pages: [[Run]] = []

    static func width(_ scalar: Unicode.Scalar) -> Double { scalar.isASCII ? 0.5 : 1.0 }

    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + width($1) * size }
    }

    func data() -> [UInt8] {
        var scalars: [Unicode.Scalar] = []
        var cids: [Unicode.Scalar: Int] = [:]
        for run in pages.joined() {
            for scalar in run.text.unicodeScalars where cids[scalar] == nil {
                scalars.append(scalar)
                cids[scalar] = scalars.count
            }
        }
        var objects: [String] = []
        func add(_ body: String) -> Int {
            objects.append(body)
            return objects.count
        }
        let catalog = add("")
        let pagesObject = add("")
        let descriptor = add("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        let widths = scalars.map { String(Int(Self.width($0) * 1000)) }.joined(separator: " ")
        let cidFont = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 1000 /W [1 [\(widths)]] /CIDToGIDMap /Identity >>")
        let toUnicode = add(stream(toUnicodeCMap(scalars)))
        let font = add("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        var kids: [Int] = []
        for runs in pages {
            var content = ""
            for run in runs {
                let hex = run.text.unicodeScalars.map { hex4(cids[$0] ?? 0) }.joined()
                content += "BT /F1 \(fmt(run.size)) Tf \(fmt(run.x)) \(fmt(842 - run.y)) Td <\(hex)> Tj ET\n"
            }
            let contents = add(stream(content))
            kids.append(add("<< /Type /Page /Parent \(pagesObject) 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(contents) 0 R >>"))
        }
        objects[catalog - 1] = "<< /Type /Catalog /Pages \(pagesObject) 0 R >>"
        objects[pagesObject - 1] = "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        var output: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    private func stream(_ content: String) -> String {
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    private func fmt(_ value: Double) -> String { String(Double(Int(value * 100)) / 100) }

    private func hex4(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func toUnicodeCMap(_ scalars: [Unicode.Scalar]) -> String {
        var text = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        text += "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        text += "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        var start = 0
        while start < scalars.count {
            let chunk = scalars[start..<min(start + 100, scalars.count)]
            text += "\(chunk.count) beginbfchar\n"
            for (offset, scalar) in chunk.enumerated() {
                let units = String(scalar).utf16.map { hex4(Int($0)) }.joined()
                text += "<\(hex4(start + offset + 1))> <\(units)>\n"
            }
            text += "endbfchar\n"
            start += 100
        }
        return text + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    }
}
