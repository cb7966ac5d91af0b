import Logging

extension HTTPClient {
    /// Sends one hop: paced by the budgets, retried as `RetryPolicy` allows. Redirect answers come back as they are.
    func send(
        _ request: HTTPRequest,
        to url: ParsedURL,
        context: HTTPCallContext,
        redaction: Redaction
    ) throws(HTTPClientError) -> HTTPResponse {
        let redactedURL = redaction.redact(url.text)
        var retries = 0
        while true {
            let reserved = ContinuousClock.now
            let slot = rateLimiter.reserve(
                scopeKey: request.rateScopeKey,
                credentialKey: context.credentialKey,
                now: reserved
            )
            metrics?.waitedForBudget(slot - reserved)
            try wait(until: slot, context: context, url: redactedURL)
            let started = ContinuousClock.now
            let outcome = attempt(request, to: url, context: context)
            switch outcome {
            case .success(let answer): metrics?.answered(status: answer.status)
            case .failure: metrics?.failed()
            }
            log(request, url: redactedURL, outcome: outcome, attempt: retries + 1, took: .now - started, redaction)
            let delay: Duration
            switch outcome {
            case .success(let answer):
                let response = HTTPResponse(
                    status: answer.status,
                    headers: answer.headers,
                    body: answer.body,
                    finalURL: url.text
                )
                guard retryPolicy.mayRetry(status: answer.status, isIdempotent: request.isIdempotent) else {
                    return response
                }
                guard retries < retryPolicy.maxRetries else {
                    throw HTTPClientError(
                        url: redactedURL,
                        reason: .retriesExhausted(lastStatus: answer.status),
                        server: configuration.serverName
                    )
                }
                guard let next = retryPolicy.delay(retryAfter: response.header("retry-after"), retry: retries + 1)
                else {
                    // Waiting less than asked would only spend budget; no retry is made, and the error says why.
                    let asked = response.header("retry-after").flatMap(RetryPolicy.parseRetryAfter) ?? .zero
                    throw HTTPClientError(
                        url: redactedURL,
                        reason: .waitTooLong(
                            status: answer.status,
                            askedSeconds: Int(asked.components.seconds),
                            limitSeconds: Int(retryPolicy.maxBackoff.components.seconds)
                        ),
                        server: configuration.serverName
                    )
                }
                delay = next
            case .failure(let failure):
                guard retries < retryPolicy.maxRetries,
                    retryPolicy.mayRetry(failure.kind, isIdempotent: request.isIdempotent)
                else {
                    throw HTTPClientError(
                        url: redactedURL,
                        failure: failure,
                        redaction: redaction,
                        responseLimit: configuration.maxResponseBytes
                    )
                }
                delay = retryPolicy.backoff(retry: retries + 1)
            }
            retries += 1
            try wait(until: .now + delay, context: context, url: redactedURL)
        }
    }

    private func attempt(
        _ request: HTTPRequest,
        to url: ParsedURL,
        context: HTTPCallContext
    ) -> Result<CurlResponse, CurlFailure> {
        let transfer = CurlTransfer(
            method: request.method,
            url: url.text,
            headers: request.headers,
            body: request.body,
            connectTimeout: configuration.connectTimeout,
            timeout: request.timeout ?? configuration.requestTimeout,
            maxResponseBytes: configuration.maxResponseBytes,
            isCancelled: context.isCancelled
        )
        return Result { () throws(CurlFailure) in
            try handles.withHandle { easy throws(CurlFailure) in try easy.perform(transfer) }
        }
    }

    private func wait(
        until deadline: ContinuousClock.Instant,
        context: HTTPCallContext,
        url: String
    ) throws(HTTPClientError) {
        guard BlockingWait.until(deadline, unlessCancelled: context.isCancelled) else {
            throw HTTPClientError(url: url, reason: .cancelled)
        }
    }

    /// One line per attempt: debug when it succeeded, info when it failed or will be retried. Values are redacted.
    private func log(
        _ request: HTTPRequest,
        url: String,
        outcome: Result<CurlResponse, CurlFailure>,
        attempt: Int,
        took duration: Duration,
        _ redaction: Redaction
    ) {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        var metadata: Logger.Metadata = [
            "http.method": "\(request.method)",
            "http.url": "\(url)",
            "http.attempt": "\(attempt)",
            "http.duration_ms": "\(milliseconds)",
        ]
        switch outcome {
        case .success(let answer):
            metadata["http.status"] = "\(answer.status)"
            metadata["http.connection"] = answer.reusedConnection ? "reused" : "new"
            let level: Logger.Level = answer.status < 400 ? .debug : .info
            logger.log(level: level, "\(request.method) \(url) \(answer.status)", metadata: metadata)
        case .failure(let failure):
            metadata["http.error"] = "\(redaction.redact(failure.message))"
            logger.info("\(request.method) \(url) failed", metadata: metadata)
        }
    }
}

extension HTTPClientError {
    /// Maps a transport failure to the error callers see, with every secret redacted from its detail.
    init(url: String, failure: CurlFailure, redaction: Redaction, responseLimit: Int) {
        let detail = redaction.redact(failure.message)
        switch failure.kind {
        case .timedOut:
            self.init(url: url, reason: .timedOut)
        case .cancelled:
            self.init(url: url, reason: .cancelled)
        case .couldNotConnect:
            self.init(url: url, reason: .transport("cannot connect: \(detail); check the host name and that it is up"))
        case .tls:
            self.init(url: url, reason: .transport("TLS verification failed: \(detail); fix the server's certificate"))
        case .responseTooLarge:
            self.init(url: url, reason: .responseTooLarge(limit: responseLimit))
        case .invalidRequest:
            self.init(url: url, reason: .transport("invalid request: \(detail); fix the plugin's request"))
        case .other:
            self.init(url: url, reason: .transport("transfer failed: \(detail); check the network and the provider"))
        }
    }
}
