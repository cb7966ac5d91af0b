import PatchbayProviderABI

/// Lays one `HTTPRequest` out as a `patchbay_http_request` for the duration of `http_request`, and copies the
/// host's response out before releasing it.
struct HTTPExchange {
    let request: HTTPRequest

    func perform(services: HostServices, call: OpaquePointer?) throws(ProviderKitError) -> HTTPResponse {
        // Header names and values live in one byte array whose address is stable inside the closures below.
        var storage: [UInt8] = []
        var ranges: [(name: Range<Int>, value: Range<Int>)] = []
        for header in request.headers {
            let nameStart = storage.count
            storage.append(contentsOf: header.name.utf8)
            let valueStart = storage.count
            storage.append(contentsOf: header.value.utf8)
            ranges.append((nameStart..<valueStart, valueStart..<storage.count))
        }
        let result: Result<HTTPResponse, ProviderKitError> = storage.withUnsafeBufferPointer { bytes in
            let headers = ranges.map { range in
                patchbay_http_header(name: bytes.slice(range.name), value: bytes.slice(range.value))
            }
            return headers.withUnsafeBufferPointer { headerList in
                request.body.withUnsafeBufferPointer { body in
                    request.method.withCString { method in
                        request.url.withCString { url in
                            (request.rateScopeKey ?? "").withCString { scope in
                                var raw = patchbay_http_request(
                                    struct_size: UInt32(MemoryLayout<patchbay_http_request>.size),
                                    flags: request.options.rawValue,
                                    method: method,
                                    url: url,
                                    headers: headerList.baseAddress,
                                    header_count: headerList.count,
                                    body: patchbay_buffer(data: body.baseAddress, length: body.count),
                                    rate_scope_key: scope,
                                    timeout_ms: request.timeoutMilliseconds,
                                    reserved: 0
                                )
                                return Self.send(&raw, services: services, call: call, url: request.url)
                            }
                        }
                    }
                }
            }
        }
        return try result.get()
    }

    private static func send(
        _ raw: inout patchbay_http_request,
        services: HostServices,
        call: OpaquePointer?,
        url: String
    ) -> Result<HTTPResponse, ProviderKitError> {
        var response: UnsafeMutablePointer<patchbay_http_response>? = nil
        var message = patchbay_buffer(data: nil, length: 0)
        let status = services.httpRequest(call, &raw, &response, &message)
        defer { services.freeResponse(response) }
        let hostMessage = services.takeMessage(message)
        guard status == PATCHBAY_OK else {
            let code = ProviderKitError.Code(status: status)
            return .failure(ProviderKitError(code, hostMessage ?? "\(url): request failed with host status \(status)"))
        }
        guard let answer = response?.pointee else {
            return .failure(ProviderKitError(.internal, "\(url): host returned OK without a response; host bug"))
        }
        let headers = UnsafeBufferPointer(start: answer.headers, count: answer.headers == nil ? 0 : answer.header_count)
            .map { header in
                HTTPHeader(
                    name: String(decoding: header.name.bytes, as: UTF8.self),
                    value: String(decoding: header.value.bytes, as: UTF8.self)
                )
            }
        return .success(
            HTTPResponse(
                status: Int(answer.status),
                headers: headers,
                body: Array(answer.body.bytes),
                finalURL: answer.final_url.map { String(cString: $0) } ?? url
            )
        )
    }
}

extension UnsafeBufferPointer<UInt8> {
    fileprivate func slice(_ range: Range<Int>) -> patchbay_buffer {
        patchbay_buffer(data: baseAddress.map { $0 + range.lowerBound }, length: range.count)
    }
}
