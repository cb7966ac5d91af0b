import Logging

/// Forwards to another handler with the message and every metadata value neutralized for a terminal: log lines
/// quote provider answers, plugin messages and names (issue 15 item 9).
struct NeutralizingLogHandler: LogHandler {
    private var wrapped: any LogHandler

    init(_ wrapped: any LogHandler) {
        self.wrapped = wrapped
    }

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: TerminalText.neutralized(event.message.description))
        event.metadata = event.metadata.map { $0.mapValues(Self.neutralized) }
        wrapped.log(event: event)
    }

    private static func neutralized(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(TerminalText.neutralized(text))
        case .stringConvertible(let value): .string(TerminalText.neutralized(value.description))
        case .array(let values): .array(values.map(neutralized))
        case .dictionary(let values): .dictionary(values.mapValues(neutralized))
        }
    }
}
