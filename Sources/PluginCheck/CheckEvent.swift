/// What a running checker reports as it goes: a check starting, each plugin call it makes, then its result. A child
/// process streams these as JSON lines, so when the plugin crashes or hangs the parent knows in which check and
/// which call.
package enum CheckEvent: Sendable, Equatable {
    case started(String)
    /// A call into the plugin (`create`, `validate`, `list_networks`, `counts`) is about to be made.
    case calling(String)
    case finished(CheckResult)
}

extension CheckEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case event, name, status, detail
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        switch try container.decode(String.self, forKey: .event) {
        case "start":
            self = .started(name)
        case "call":
            self = .calling(name)
        default:
            self = .finished(
                CheckResult(
                    name: name,
                    outcome: try container.decode(CheckOutcome.self, forKey: .status),
                    detail: try container.decode(String.self, forKey: .detail)
                )
            )
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .started(let name):
            try container.encode("start", forKey: .event)
            try container.encode(name, forKey: .name)
        case .calling(let name):
            try container.encode("call", forKey: .event)
            try container.encode(name, forKey: .name)
        case .finished(let result):
            try container.encode("result", forKey: .event)
            try container.encode(result.name, forKey: .name)
            try container.encode(result.outcome, forKey: .status)
            try container.encode(result.detail, forKey: .detail)
        }
    }
}
