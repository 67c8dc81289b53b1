import Testing
import NianbaoEngine
import NianbaoTestSupport

/// PDF extraction often yields Kangxi radicals (⼈ U+2F08 for 人) and CJK compatibility
/// ideographs; they are read as the unified ideographs they stand for.
@Suite struct CompatibilityIdeographTests {
    /// Every unified ideograph that has a Kangxi radical or CJK radical twin in the table.
    private static func compatibilityForm(of character: Unicode.Scalar) -> Unicode.Scalar? {
        for value in UInt32(0x2E80)...0x2FDF {
            if let scalar = Unicode.Scalar(value), CompatibilityIdeographs.unified(scalar) == character { return scalar }
        }
        return nil
    }

    @Test func radicalsAndCompatibilityIdeographsAreUnified() {
        #expect(ScalarNormalizer.normalize("⼈⺠政府⼯作") == "人民政府工作")
        #expect(ScalarNormalizer.normalize("⻓江⻔户") == "长江门户")
        #expect(ScalarNormalizer.normalize("\u{F900}\u{2F800}") == "\u{8C48}\u{4E3D}")
        #expect(ScalarNormalizer.normalize("⺀") == "⺀")   // a radical with no unified twin stays
        #expect(CompatibilityIdeographs.unifying("⼈⺠") == "人民")
    }

    @Test func tableIsSortedAndMapsIntoUnifiedBlocks() {
        var previous: UInt32 = 0
        var count = 0
        for value in UInt32(0x2E80)...0x2FA1F where CompatibilityIdeographs.mayMap(value) {
            guard let scalar = Unicode.Scalar(value), let unified = CompatibilityIdeographs.unified(scalar) else { continue }
            #expect(value > previous)
            previous = value
            #expect((0x3400...0x9FFF).contains(unified.value) || (0x20000...0x3134F).contains(unified.value))
            count += 1
        }
        #expect(count > 1_200)
    }

    /// A passing report whose every 人, 工, 日, 年… is a Kangxi radical gets the verdict and
    /// findings of the clean text (before: section.missing and table.missing).
    @Test(arguments: ["huaian_hongze_2024.txt", "pingtan_2021.txt", "000_fb640ca0b162b3d7.txt"])
    func radicalTextJudgedAsCleanText(sample: String) throws {
        let text = try Fixtures.text("samples/\(sample)")
        var twins: [Unicode.Scalar: Unicode.Scalar] = [:]
        var radical = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if twins[scalar] == nil { twins[scalar] = Self.compatibilityForm(of: scalar) ?? scalar }
            radical.append(twins[scalar]!)
        }
        let replaced = twins.filter { $0.key != $0.value }.count
        #expect(replaced >= 10, "only \(replaced) characters have a radical twin")
        let clean = ReportEngine().assess(TextNormalization.document(from: text))
        let fromRadicals = ReportEngine().assess(TextNormalization.document(from: String(radical)))
        #expect(fromRadicals.verdict == clean.verdict)
        #expect(fromRadicals.findings.map(\.code) == clean.findings.map(\.code))
        #expect(fromRadicals.report.agency == clean.report.agency)
    }
}
