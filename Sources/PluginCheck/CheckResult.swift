/// How one conformance check ended.
package enum CheckOutcome: String, Codable, Sendable, Equatable {
    case pass = "PASS"
    case fail = "FAIL"
    case skip = "SKIP"
}

/// One line of the conformance report: a stable check name (`abi.product_tag`), its outcome and why.
package struct CheckResult: Codable, Sendable, Equatable {
    package var name: String
    package var outcome: CheckOutcome
    package var detail: String

    package init(name: String, outcome: CheckOutcome, detail: String) {
        self.name = name
        self.outcome = outcome
        self.detail = detail
    }

    static func pass(_ name: String, _ detail: String) -> CheckResult {
        CheckResult(name: name, outcome: .pass, detail: detail)
    }
    static func fail(_ name: String, _ detail: String) -> CheckResult {
        CheckResult(name: name, outcome: .fail, detail: detail)
    }
    static func skip(_ name: String, _ detail: String) -> CheckResult {
        CheckResult(name: name, outcome: .skip, detail: detail)
    }

    enum CodingKeys: String, CodingKey {
        case name
        case outcome = "status"
        case detail
    }
}
