import Storage
import Testing

@testable import PatchbayCore

/// Each storage failure reaches the surfaces as the service error its reason calls for, by its type, not its text.
@Suite struct StorageErrorMappingTests {
    @Test(arguments: [
        // Issue #11: a busy database means "try again" (exit 75, HTTP 503), never "provider unavailable" (69).
        (StorageError.Reason.busy, ServiceError.Code.busy),
        (.cannotOpen("disk full"), .unavailable),
        (.conflict("taken"), .conflict),
        (.notFound("integration 3"), .notFound),
        (.failed("the database is busy"), .internal),
    ])
    func storageReasonMapsToServiceCode(_ reason: StorageError.Reason, _ code: ServiceError.Code) {
        let mapped = ServiceError(StorageError(path: "/data/patchbay.sqlite", reason: reason))
        #expect(mapped.code == code)
        // Callers (API clients included) never learn where the database lives (issue 15 item 6).
        #expect(!mapped.message.contains("/data"), "\(mapped.message)")
    }

    @Test func busyTellsTheCallerToTryAgain() {
        let mapped = ServiceError(StorageError(path: "/data/patchbay.sqlite", reason: .busy))
        #expect(mapped.message.hasSuffix("try again"))
    }
}
