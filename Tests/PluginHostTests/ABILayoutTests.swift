import PatchbayCore
import PatchbayProviderABI
import PatchbayTestSupport
import PluginHost
import Testing

/// Pins the v1 layout of every public struct: a change here breaks every plugin already built.
@Suite struct ABILayoutTests {
    /// `sizeof`/`offsetof` of ABI 1.0 on LP64 (x86_64, arm64), as the header was frozen.
    static let v1: [String: Int] = [
        "sizeof(patchbay_buffer)": 16, "offsetof(patchbay_buffer, length)": 8,
        "sizeof(patchbay_http_header)": 32, "offsetof(patchbay_http_header, value)": 16,
        "sizeof(patchbay_http_request)": 72, "offsetof(patchbay_http_request, method)": 8,
        "offsetof(patchbay_http_request, url)": 16, "offsetof(patchbay_http_request, headers)": 24,
        "offsetof(patchbay_http_request, header_count)": 32, "offsetof(patchbay_http_request, body)": 40,
        "offsetof(patchbay_http_request, rate_scope_key)": 56, "offsetof(patchbay_http_request, timeout_ms)": 64,
        "sizeof(patchbay_http_response)": 48, "offsetof(patchbay_http_response, headers)": 8,
        "offsetof(patchbay_http_response, header_count)": 16, "offsetof(patchbay_http_response, body)": 24,
        "offsetof(patchbay_http_response, final_url)": 40,
        "sizeof(patchbay_host)": 72, "offsetof(patchbay_host, http_request)": 16,
        "offsetof(patchbay_host, free_response)": 24, "offsetof(patchbay_host, free_buffer)": 32,
        "offsetof(patchbay_host, log)": 40, "offsetof(patchbay_host, monotonic_ns)": 48,
        "offsetof(patchbay_host, is_cancelled)": 56, "offsetof(patchbay_host, get_extension)": 64,
        "sizeof(patchbay_field)": 40, "offsetof(patchbay_field, label)": 8, "offsetof(patchbay_field, description)": 16,
        "offsetof(patchbay_field, default_value)": 24, "offsetof(patchbay_field, flags)": 32,
        "sizeof(patchbay_rate_budget)": 16, "offsetof(patchbay_rate_budget, requests)": 8,
        "offsetof(patchbay_rate_budget, period_ms)": 12,
        "sizeof(patchbay_provider)": 168, "offsetof(patchbay_provider, abi_major)": 8,
        "offsetof(patchbay_provider, struct_size)": 16, "offsetof(patchbay_provider, flags)": 20,
        "offsetof(patchbay_provider, id)": 24, "offsetof(patchbay_provider, description)": 56,
        "offsetof(patchbay_provider, credential_fields)": 64, "offsetof(patchbay_provider, credential_field_count)": 72,
        "offsetof(patchbay_provider, setting_count)": 76, "offsetof(patchbay_provider, settings)": 80,
        "offsetof(patchbay_provider, capabilities)": 88, "offsetof(patchbay_provider, allowed_hosts)": 96,
        "offsetof(patchbay_provider, rate_budgets)": 104, "offsetof(patchbay_provider, rate_budget_count)": 112,
        "offsetof(patchbay_provider, create)": 120, "offsetof(patchbay_provider, destroy)": 128,
        "offsetof(patchbay_provider, validate)": 136, "offsetof(patchbay_provider, list_networks)": 144,
        "offsetof(patchbay_provider, free_buffer)": 152, "offsetof(patchbay_provider, get_extension)": 160,
        "sizeof(patchbay_counts_extension)": 16, "offsetof(patchbay_counts_extension, counts)": 8,
    ]

    @Test func cCompilerLaysOutTheHeaderAsV1() async throws {
        try await withTemporaryDirectory { directory in
            let program = directory.file("layout")
            // Compiling and running block: on a thread of their own, off Swift's few cooperative threads.
            let output = try await onOwnThread {
                try CCompiler.find().buildExecutable(
                    sources: [PackagePaths.source("Tests/PluginHostTests/Fixtures/layout.c")],
                    output: program
                )
                return try ProcessRunner.run(program, [])
            }
            var measured: [String: Int] = [:]
            for line in output.standardOutput.split(separator: "\n") {
                guard let space = line.lastIndex(of: " "), let value = Int(line[line.index(after: space)...]) else {
                    continue
                }
                measured[String(line[..<space])] = value
            }
            #expect(measured == Self.v1)
        }
    }

    @Test func swiftImportsTheHeaderAsV1() {
        #expect(MemoryLayout<patchbay_provider>.size == 168)
        #expect(MemoryLayout<patchbay_provider>.offset(of: \.id) == 24)
        #expect(MemoryLayout<patchbay_provider>.offset(of: \.credential_fields) == 64)
        #expect(MemoryLayout<patchbay_provider>.offset(of: \.settings) == 80)
        #expect(MemoryLayout<patchbay_provider>.offset(of: \.create) == 120)
        #expect(MemoryLayout<patchbay_provider>.offset(of: \.get_extension) == 160)
        #expect(MemoryLayout<patchbay_host>.size == 72)
        #expect(MemoryLayout<patchbay_host>.offset(of: \.http_request) == 16)
        #expect(MemoryLayout<patchbay_host>.offset(of: \.get_extension) == 64)
        #expect(MemoryLayout<patchbay_http_request>.size == 72)
        #expect(MemoryLayout<patchbay_http_request>.offset(of: \.rate_scope_key) == 56)
        #expect(MemoryLayout<patchbay_http_response>.size == 48)
        #expect(MemoryLayout<patchbay_http_response>.offset(of: \.final_url) == 40)
        #expect(MemoryLayout<patchbay_field>.size == 40)
        #expect(MemoryLayout<patchbay_rate_budget>.size == 16)
        #expect(MemoryLayout<patchbay_http_header>.size == 32)
        #expect(MemoryLayout<patchbay_buffer>.size == 16)
        #expect(MemoryLayout<patchbay_counts_extension>.size == 16)
        #expect(ProviderABI.minimumDescriptorSize == MemoryLayout<patchbay_provider>.size)
        #expect(ProviderABI.minimumHTTPRequestSize == MemoryLayout<patchbay_http_request>.size)
    }

    @Test func constantsAreV1() {
        #expect(PATCHBAY_ABI_MAJOR == 1)
        #expect(PATCHBAY_PRODUCT_TAG == 0x5041_5443_4842_4159)
        #expect(PATCHBAY_ENTRY_SYMBOL == "patchbay_provider_entry")
        #expect(PATCHBAY_EXT_COUNTS == "patchbay.counts/1")
        #expect(PATCHBAY_FIELD_REQUIRED == 1)
        #expect(PATCHBAY_FIELD_SECRET == 2)
        #expect(PATCHBAY_PROVIDER_CONCURRENT == 1)
        #expect(PATCHBAY_HTTP_NOT_IDEMPOTENT == 1)
        #expect(PATCHBAY_HTTP_KEEP_CREDENTIALS_ON_REDIRECT == 2)
        #expect([PATCHBAY_LOG_DEBUG, PATCHBAY_LOG_INFO, PATCHBAY_LOG_WARNING, PATCHBAY_LOG_ERROR] == [0, 1, 2, 3])
    }

    @Test func swiftStatusesMirrorTheHeader() {
        let header: [Int32] = [
            PATCHBAY_OK, PATCHBAY_INVALID_ARGUMENT, PATCHBAY_UNAUTHENTICATED, PATCHBAY_PERMISSION_DENIED,
            PATCHBAY_NOT_FOUND, PATCHBAY_RATE_LIMITED, PATCHBAY_UNAVAILABLE, PATCHBAY_CANCELLED, PATCHBAY_INTERNAL,
        ]
        #expect(ProviderStatus.allCases.map(\.rawValue) == header)
    }
}
