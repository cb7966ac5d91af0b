import HTTPClient
import PatchbayProviderABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves `patchbay_host.http_request`: copies the plugin's request into Swift, runs it through the plugin's
/// HTTPClient, and hands back a response in one host allocation.
enum HTTPBridge {
    static func perform(
        call: OpaquePointer?,
        request: UnsafePointer<patchbay_http_request>?,
        response: UnsafeMutablePointer<UnsafeMutablePointer<patchbay_http_response>?>?,
        message: UnsafeMutablePointer<patchbay_buffer>?
    ) -> patchbay_status {
        response?.pointee = nil
        func fail(_ status: ProviderStatus, _ text: String) -> patchbay_status {
            message?.pointee = HostTable.hostBuffer(text)
            return status.rawValue
        }
        guard let context = CallHandle.context(call) else {
            return fail(
                .invalidArgument,
                "http_request: the call is not in flight (NULL, or it already returned); "
                    + "pass the call this request belongs to, during that call"
            )
        }
        guard let request, let response else {
            return fail(.invalidArgument, "http_request: request or out_response is NULL; pass both")
        }
        let swiftRequest: HTTPRequest
        switch copy(request) {
        case .success(let copied): swiftRequest = copied
        case .failure(let error): return fail(.invalidArgument, "http_request: \(error.text)")
        }
        do {
            let answer = try context.httpClient.perform(swiftRequest, context: context.httpContext)
            guard let block = allocate(answer) else { return fail(.internal, "http_request: out of memory") }
            response.pointee = block
            return PATCHBAY_OK
        } catch {
            // The client already redacts its errors; the call's redactor is a second net.
            return fail(error.providerStatus, context.redactor.redact(error.description))
        }
    }

    /// A plugin request problem, as text for `*out_message`.
    struct RequestProblem: Error {
        let text: String
    }

    private static func copy(_ pointer: UnsafePointer<patchbay_http_request>) -> Result<HTTPRequest, RequestProblem> {
        let raw = pointer.pointee
        guard raw.struct_size >= ProviderABI.minimumHTTPRequestSize else {
            return .failure(
                RequestProblem(
                    text: "struct_size \(raw.struct_size) is below ABI 1.0's \(ProviderABI.minimumHTTPRequestSize); "
                        + "set it to sizeof(patchbay_http_request)"
                )
            )
        }
        guard let method = raw.method.flatMap(String.init(validatingCString:)),
            let url = raw.url.flatMap(String.init(validatingCString:))
        else { return .failure(RequestProblem(text: "method or url is NULL or not UTF-8; set both")) }
        var headers: [HTTPHeader] = []
        for index in 0..<(raw.headers == nil ? 0 : raw.header_count) {
            guard let header = raw.headers?[index], let name = text(header.name), let value = text(header.value) else {
                return .failure(RequestProblem(text: "header \(index) is not UTF-8; encode headers as UTF-8"))
            }
            headers.append(HTTPHeader(name: name, value: value))
        }
        let body = raw.body.data.map { Array(UnsafeBufferPointer(start: $0, count: raw.body.length)) } ?? []
        let scope = raw.rate_scope_key.flatMap(String.init(validatingCString:)).flatMap { $0.isEmpty ? nil : $0 }
        return .success(
            HTTPRequest(
                method: method,
                url: url,
                headers: headers,
                body: body,
                rateScopeKey: scope,
                timeout: raw.timeout_ms == 0 ? nil : .milliseconds(Int(raw.timeout_ms)),
                isIdempotent: raw.flags & UInt32(PATCHBAY_HTTP_NOT_IDEMPOTENT) != 0 ? false : nil,
                keepsCredentialsOnRedirect: raw.flags & UInt32(PATCHBAY_HTTP_KEEP_CREDENTIALS_ON_REDIRECT) != 0
            )
        )
    }

    private static func text(_ buffer: patchbay_buffer) -> String? {
        guard let data = buffer.data else { return buffer.length == 0 ? "" : nil }
        return String(validating: UnsafeBufferPointer(start: data, count: buffer.length), as: UTF8.self)
    }

    /// Lays the response out in one malloc block: the struct, the header array, then every byte it points to.
    private static func allocate(_ answer: HTTPResponse) -> UnsafeMutablePointer<patchbay_http_response>? {
        let headerOffset = MemoryLayout<patchbay_http_response>.stride
        let bytesOffset = headerOffset + MemoryLayout<patchbay_http_header>.stride * answer.headers.count
        let url = Array(answer.finalURL.utf8) + [0]
        let byteCount =
            answer.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
            + answer.body.count + url.count
        guard let block = malloc(bytesOffset + byteCount) else { return nil }
        let headers = (block + headerOffset).bindMemory(to: patchbay_http_header.self, capacity: answer.headers.count)
        var cursor = (block + bytesOffset).bindMemory(to: UInt8.self, capacity: byteCount)
        func place(_ bytes: [UInt8]) -> patchbay_buffer {
            let start = cursor
            start.initialize(from: bytes, count: bytes.count)
            cursor += bytes.count
            return patchbay_buffer(data: UnsafePointer(start), length: bytes.count)
        }
        for (index, header) in answer.headers.enumerated() {
            (headers + index).initialize(
                to: patchbay_http_header(name: place(Array(header.name.utf8)), value: place(Array(header.value.utf8)))
            )
        }
        let body = place(answer.body)
        let finalURL = UnsafeRawPointer(cursor).assumingMemoryBound(to: CChar.self)
        _ = place(url)
        let response = block.bindMemory(to: patchbay_http_response.self, capacity: 1)
        response.initialize(
            to: patchbay_http_response(
                status: Int32(clamping: answer.status),
                reserved: 0,
                headers: UnsafePointer(headers),
                header_count: answer.headers.count,
                body: body,
                final_url: finalURL
            )
        )
        return response
    }
}
