import Dispatch
import HTTPClient

/// The deadlines of one call in a runner, with the plugins.yaml keys that set them (for messages).
struct CallDeadlines: Sendable {
    var total: Duration
    var totalKey: String
    /// list_networks only: the longest quiet spell between pages or HTTP requests.
    var idle: Duration?
    var grace: Duration
}

extension RunnerProcess {
    /// Sends one call (via `send`, given the call's id) and serves it until its result: HTTP requests run through
    /// the host's client, pages go to `onPage`, log lines to the log. Ends it at its deadline or on cancellation
    /// (asks the plugin to stop, waits `grace`, then kills the runner). Blocks the calling thread.
    func perform(
        _ name: String,
        providerID: String,
        call: CallContext?,
        deadlines: CallDeadlines,
        onPage: (([UInt8]) -> ProviderStatus)? = nil,
        send: (UInt32) -> Bool
    ) -> PluginReply {
        guard let (id, mailbox) = open() else { return ended(name, providerID: providerID) }
        defer {
            call?.onCancel(nil)
            close(id)
        }
        call?.onCancel { mailbox.push(.cancelRequested) }
        guard send(id) else { return waitForEnd(name, providerID: providerID, mailbox: mailbox) }
        let start = ContinuousClock.now
        var lastActivity = start
        var stopAskedAt: ContinuousClock.Instant?
        var stopReason: String?
        while true {
            let deadline: ContinuousClock.Instant
            if let stopAskedAt {
                deadline = stopAskedAt + deadlines.grace
            } else {
                let idleEnd = deadlines.idle.map { lastActivity + $0 }
                deadline = min(start + deadlines.total, idleEnd ?? start + deadlines.total)
            }
            guard let event = mailbox.next(until: deadline) else {
                if stopAskedAt == nil {
                    let now = ContinuousClock.now
                    // Which deadline this was, by which came first (a timed wait may wake a hair early).
                    let idleFirst = deadlines.idle.map { lastActivity + $0 < start + deadlines.total } ?? false
                    stopReason =
                        !idleFirst
                        ? "did not finish \(name) within \(deadlines.total) (timeouts.\(deadlines.totalKey))"
                        : "sent nothing during \(name) for \(deadlines.idle ?? deadlines.total) "
                            + "(timeouts.list_networks_idle)"
                    channel.send(.cancel, call: id)
                    stopAskedAt = now
                    continue
                }
                let why = stopReason ?? "was cancelled"
                kill(because: "\(name) \(why) and did not stop within \(deadlines.grace) of being asked")
                _ = waitForEnd(name, providerID: providerID, mailbox: mailbox)
                let status: ProviderStatus = stopReason == nil ? .cancelled : .unavailable
                return PluginReply(
                    status: status,
                    message: "plugin \(providerID) \(why); it did not stop within \(deadlines.grace) of being asked, "
                        + "so its runner was stopped"
                        + (stopReason == nil ? "" : "; raise the timeout in plugins.yaml if the provider is just slow")
                )
            }
            switch event {
            case .cancelRequested:
                if stopAskedAt == nil {
                    channel.send(.cancel, call: id)
                    stopAskedAt = .now
                }
            case .exited(let exit):
                return crashed(name, providerID: providerID, exit: exit)
            case .frame(let frame):
                switch frame.kind {
                case .result:
                    let reply = Self.reply(frame.payload)
                    guard let stopReason, reply.status == .cancelled else { return reply }
                    // It stopped because its deadline passed: say that, not "cancelled".
                    return PluginReply(
                        status: .unavailable,
                        message: "plugin \(providerID) \(stopReason); it stopped when asked"
                    )
                case .http:
                    lastActivity = .now
                    if let call { serveHTTP(frame.payload, call: call) } else { refuseHTTP(frame.payload) }
                case .page:
                    lastActivity = .now
                    var reader = WireReader(frame.payload)
                    let ask = reader.u32()
                    let page = reader.data()
                    let status = onPage?(page) ?? .internal
                    var answer = WireWriter()
                    answer.i32(status.rawValue)
                    channel.send(.pageAck, call: ask, payload: answer.bytes)
                case .log:
                    RunnerLog.write(frame.payload, call: call, logger: call?.logger ?? logger)
                default:
                    break
                }
            }
        }
    }

    private static func reply(_ payload: [UInt8]) -> PluginReply {
        var reader = WireReader(payload)
        let code = reader.i32()
        let result = reader.optionalData()
        let message = reader.optionalData()
        guard !reader.failed else {
            return PluginReply(status: .internal, message: "the plugin runner sent a malformed result")
        }
        return PluginReply(code: code, result: result, message: message)
    }

    /// The runner is gone (or going): waits for its end and reports it as this call's failure.
    private func waitForEnd(_ name: String, providerID: String, mailbox: CallMailbox) -> PluginReply {
        while let event = mailbox.next(until: .now + .seconds(10)) {
            if case .exited(let exit) = event { return crashed(name, providerID: providerID, exit: exit) }
        }
        return ended(name, providerID: providerID)
    }

    private func ended(_ name: String, providerID: String) -> PluginReply {
        guard let ending else {
            return PluginReply(status: .unavailable, message: "plugin \(providerID): its runner is not answering")
        }
        return crashed(name, providerID: providerID, exit: ending.exit)
    }

    private func crashed(_ name: String, providerID: String, exit: RunnerExit) -> PluginReply {
        if let reason = ending?.killedBecause {
            return PluginReply(
                status: .unavailable,
                message: "plugin \(providerID) was stopped during \(name) because \(reason); nothing of the call "
                    + "was kept, and the plugin restarts on the next call"
            )
        }
        return PluginReply(
            status: .internal,
            message: "plugin \(providerID) \(exit) during \(name); nothing of the call was kept, and the plugin "
                + "restarts on the next call; report the crash to the plugin's vendor"
        )
    }

    /// An HTTP request from the runner, performed by the host's client on a thread of its own (a plugin may have
    /// several in flight); the answer goes back under the request's ask id.
    private func serveHTTP(_ payload: [UInt8], call: CallContext) {
        var reader = WireReader(payload)
        let ask = reader.u32()
        let request = RunnerHTTP.request(&reader)
        let channel = self.channel
        DispatchQueue(label: "patchbay.runner.http").async {
            var answer = WireWriter()
            switch request {
            case .failure(let problem):
                answer.i32(ProviderStatus.invalidArgument.rawValue)
                answer.string("http_request: \(problem.text)")
            case .success(let request):
                let outcome = Result { () throws(HTTPClientError) -> HTTPResponse in
                    try call.httpClient.perform(request, context: call.httpContext)
                }
                switch outcome {
                case .success(let response):
                    RunnerHTTP.write(response, into: &answer)
                case .failure(let error):
                    // The client already redacts its errors; the call's redactor is a second net.
                    answer.i32(error.providerStatus.rawValue)
                    answer.string(call.redactor.redact(error.description))
                }
            }
            channel.send(.httpReply, call: ask, payload: answer.bytes)
        }
    }

    private func refuseHTTP(_ payload: [UInt8]) {
        var reader = WireReader(payload)
        var answer = WireWriter()
        answer.i32(ProviderStatus.invalidArgument.rawValue)
        answer.string("http_request: there is no HTTP outside a call (create, destroy); make requests in calls")
        channel.send(.httpReply, call: reader.u32(), payload: answer.bytes)
    }
}

/// HTTP requests and responses on the runner wire (host_services.c lays them out).
enum RunnerHTTP {
    struct Problem: Error {
        let text: String
    }

    static func request(_ reader: inout WireReader) -> Result<HTTPRequest, Problem> {
        let flags = reader.u32()
        let method = String(validating: reader.data(), as: UTF8.self)
        let url = String(validating: reader.data(), as: UTF8.self)
        var headers: [HTTPHeader] = []
        let count = reader.u32()
        for index in 0..<count where !reader.failed {
            guard let name = String(validating: reader.data(), as: UTF8.self),
                let value = String(validating: reader.data(), as: UTF8.self)
            else { return .failure(Problem(text: "header \(index) is not UTF-8; encode headers as UTF-8")) }
            headers.append(HTTPHeader(name: name, value: value))
        }
        let body = reader.data()
        let scope = String(decoding: reader.data(), as: UTF8.self)
        let timeout = reader.u32()
        guard !reader.failed, let method, let url else {
            return .failure(Problem(text: "method or url is not UTF-8; set both"))
        }
        return .success(
            HTTPRequest(
                method: method,
                url: url,
                headers: headers,
                body: body,
                rateScopeKey: scope.isEmpty ? nil : scope,
                timeout: timeout == 0 ? nil : .milliseconds(Int(timeout)),
                isIdempotent: flags & 1 != 0 ? false : nil,
                keepsCredentialsOnRedirect: flags & 2 != 0
            )
        )
    }

    static func write(_ response: HTTPResponse, into answer: inout WireWriter) {
        answer.i32(ProviderStatus.ok.rawValue)
        answer.i32(Int32(clamping: response.status))
        answer.u32(UInt32(response.headers.count))
        for header in response.headers {
            answer.string(header.name)
            answer.string(header.value)
        }
        answer.data(response.body)
        answer.string(response.finalURL)
    }
}
