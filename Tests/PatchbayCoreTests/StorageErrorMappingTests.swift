import Storage
import Testing

@testable import PatchbayCore

/// Each storage failure reaches the surfaces as the service error its reason calls for, by its type, not its text.
@Suite struct StorageErrorMappingTests {
    @Test(arguments: [
        (StorageError.Reason.busy, ServiceError.Code.unavailable),
        (.cannotOpen("disk full"), .unavailable),
        (.conflict("taken"), .conflict),
        (.notFound("integration 3"), .notFound),
        (.failed("the database is busy"), .internal),
    ])
    func storageReasonMapsToServiceCode(_ reason: StorageError.Reason, _ code: ServiceError.Code) {
        let mapped = ServiceError(StorageError(path: "/data/patchbay.sqlite", reason: reason))
        #expect(mapped.code == code)
    }

    @Test func busyTellsTheCallerToTryAgain() {
        let mapped = ServiceError(StorageError(path: "/data/patchbay.sqlite", reason: .busy))
        #expect(mapped.message.hasSuffix("try again"))
    }
}
