import PatchbayProviderABI

/// One created provider instance, retained while the host holds its `patchbay_instance` handle.
final class InstanceBox: Sendable {
    let provider: any Provider
    let services: HostServices
    let descriptor: ProviderDescriptor

    init(provider: any Provider, services: HostServices, descriptor: ProviderDescriptor) {
        self.provider = provider
        self.services = services
        self.descriptor = descriptor
    }

    var handle: OpaquePointer { OpaquePointer(Unmanaged.passRetained(self).toOpaque()) }

    static func from(_ handle: OpaquePointer?, providerID: String) throws(ProviderKitError) -> InstanceBox {
        guard let handle else {
            throw ProviderKitError(.invalidArgument, "\(providerID): called without an instance; this is a host bug")
        }
        return Unmanaged<InstanceBox>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    static func release(_ handle: OpaquePointer?) {
        guard let handle else { return }
        Unmanaged<InstanceBox>.fromOpaque(UnsafeRawPointer(handle)).release()
    }

    func call(_ handle: OpaquePointer?) -> Call {
        Call(services: services, handle: handle)
    }

    func credentials(_ buffer: patchbay_buffer) throws -> Credentials {
        try InputObject(buffer.bytes, what: "credentials", providerID: descriptor.id)
            .checked(against: descriptor.credentialFields, applyingDefaults: false, refusingUnknown: false)
            .credentials
    }
}
