import NianbaoEngine

// The JSON keys of table rows and columns: the engine's case names, written out so that
// a rename in the engine cannot silently change the JSON.

extension Table2Row {
    /// The JSON key, the engine's case name ("received", "carriedOver", …).
    public var key: String {
        switch self {
        case .received: return "received"
        case .carriedOver: return "carriedOver"
        case .disclosed: return "disclosed"
        case .partlyDisclosed: return "partlyDisclosed"
        case .withheldStateSecret: return "withheldStateSecret"
        case .withheldLawForbids: return "withheldLawForbids"
        case .withheldThreeSecurities: return "withheldThreeSecurities"
        case .withheldThirdParty: return "withheldThirdParty"
        case .withheldInternalAffairs: return "withheldInternalAffairs"
        case .withheldProcess: return "withheldProcess"
        case .withheldEnforcementFile: return "withheldEnforcementFile"
        case .withheldQuery: return "withheldQuery"
        case .unavailableNotHeld: return "unavailableNotHeld"
        case .unavailableNeedsCreation: return "unavailableNeedsCreation"
        case .unavailableUnclear: return "unavailableUnclear"
        case .notProcessedComplaint: return "notProcessedComplaint"
        case .notProcessedRepeated: return "notProcessedRepeated"
        case .notProcessedPublication: return "notProcessedPublication"
        case .notProcessedExcessive: return "notProcessedExcessive"
        case .notProcessedConfirmation: return "notProcessedConfirmation"
        case .otherOverdueCorrection: return "otherOverdueCorrection"
        case .otherUnpaidFee: return "otherUnpaidFee"
        case .otherOther: return "otherOther"
        case .otherSingle: return "otherSingle"
        case .total: return "total"
        case .carriedForward: return "carriedForward"
        }
    }

    /// The row with a JSON key.
    public init?(key: String) {
        guard let row = Table2Row.allCases.first(where: { $0.key == key }) else { return nil }
        self = row
    }
}

extension Applicant {
    /// The JSON key, the engine's case name ("naturalPerson", …, "total").
    public var key: String {
        switch self {
        case .naturalPerson: return "naturalPerson"
        case .commercial: return "commercial"
        case .research: return "research"
        case .publicInterest: return "publicInterest"
        case .legalService: return "legalService"
        case .otherOrganisation: return "otherOrganisation"
        case .total: return "total"
        }
    }

    /// The column with a JSON key.
    public init?(key: String) {
        guard let column = Applicant.allCases.first(where: { $0.key == key }) else { return nil }
        self = column
    }
}

extension Table3Group {
    /// The JSON key, the engine's case name ("review", "suitDirect", "suitAfterReview").
    public var key: String {
        switch self {
        case .review: return "review"
        case .suitDirect: return "suitDirect"
        case .suitAfterReview: return "suitAfterReview"
        }
    }

    /// The group with a JSON key.
    public init?(key: String) {
        guard let group = Table3Group.allCases.first(where: { $0.key == key }) else { return nil }
        self = group
    }
}

extension Table3Outcome {
    /// The JSON key, the engine's case name ("upheld", "corrected", "other", "pending", "total").
    public var key: String {
        switch self {
        case .upheld: return "upheld"
        case .corrected: return "corrected"
        case .other: return "other"
        case .pending: return "pending"
        case .total: return "total"
        }
    }

    /// The outcome with a JSON key.
    public init?(key: String) {
        guard let outcome = Table3Outcome.allCases.first(where: { $0.key == key }) else { return nil }
        self = outcome
    }
}
