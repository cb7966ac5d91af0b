import PatchbayProviderABI

/// Converts between a `CallContext` and the opaque `patchbay_call *` a plugin hands back to host services.
///
/// The pointer is unretained: the host keeps the context alive until the call it was passed to returns.
enum CallHandle {
    static func pointer(for context: CallContext) -> OpaquePointer {
        OpaquePointer(Unmanaged.passUnretained(context).toOpaque())
    }

    static func context(_ call: OpaquePointer?) -> CallContext? {
        guard let call else { return nil }
        return Unmanaged<CallContext>.fromOpaque(UnsafeRawPointer(call)).takeUnretainedValue()
    }
}
