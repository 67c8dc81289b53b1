import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

@Suite("Rules: narrative against the tables")
struct RulesNarrativeTests {
    private func codes(overview: String) -> Set<RuleCode> {
        BuiltReport.codes(BuiltReport.withSection(BuiltReport.clean(), .overview, overview))
    }

    @Test func receivedFigureMustMatch() {
        #expect(codes(overview: "本年度共收到政府信息公开申请10件。") == [.narrativeReceived])
        #expect(codes(overview: "本年度全区共收到8件申请。") == [])
        #expect(codes(overview: "2023 年全区受理政府信息公开申请 8 件，均在法定期限答复。") == [])
        #expect(codes(overview: "共受理政府信息公开申请9件。") == [], "新收加上年结转 8+1 is accepted")
    }

    @Test func otherFiguresAreIgnored() {
        #expect(codes(overview: "局网站发布信息287条，办理人大建议14件，回复群众咨询投诉3000余件。") == [])
        #expect(codes(overview: "共收到政府信息公开申请约20件。") == [])
    }

    @Test func disclosedFigureMustMatch() {
        #expect(codes(overview: "共收到政府信息公开申请8件，从答复情况看，予以公开2件，答复率100%。") == [.narrativeDisclosed])
        #expect(codes(overview: "予以公开及部分公开4件。") == [])
        #expect(codes(overview: "予以公开及部分公开5件。") == [.narrativeDisclosed])
        #expect(codes(overview: "不予以公开3件。") == [])
    }

    @Test func carriedForwardFigureMustMatch() {
        #expect(codes(overview: "及时依法依规办结7件，2件结转下年度继续办理。") == [.narrativeCarriedForward])
        #expect(codes(overview: "另有1件申请按照《条例》顺延到下年度答复。") == [])
    }

    @Test func noApplicationsContradictsTable() {
        #expect(codes(overview: "2023年，我局未收到政府信息公开申请。") == [.narrativeNoApplications])
    }

    @Test func reviewAndLitigationFiguresMustMatch() {
        #expect(codes(overview: "信息公开类行政复议2件，诉讼2件，均获维持。") == [])
        #expect(codes(overview: "信息公开类行政复议7件，诉讼9件，均获维持。") == [.narrativeReviewLitigation])
    }

    @Test func noReviewContradictsTable() {
        #expect(codes(overview: "2023年，无行政复议、行政诉讼等情况。") == [.narrativeNoReview])
        #expect(codes(overview: "未发生因政府信息公开引起的行政复议、行政诉讼。") == [.narrativeNoReview])
        #expect(codes(overview: "有效降低行政复议、行政诉讼发生率和纠错率。") == [])
    }

    @Test func feeStatementIsRequiredIn2021Template() {
        let report = BuiltReport.withSection(BuiltReport.clean(), .otherMatters, "无。")
        #expect(BuiltReport.codes(report) == [.feeStatementMissing])
    }

    @Test func scannerReadsFiguresWithSpacesAndWithoutFalseHits() {
        var figures = NarrativeFigures()
        NarrativeScanner("2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已答复。本年度全区共收到70件申请，1件结转下年度继续办理。").scan(into: &figures)
        #expect(figures.received.map(\.value) == [17, 70])
        #expect(figures.carriedForward.map(\.value) == [1])
        #expect(figures.disclosed.isEmpty && figures.review.isEmpty && figures.denials.isEmpty)
    }
}
