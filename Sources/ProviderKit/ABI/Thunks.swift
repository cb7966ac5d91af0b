import PatchbayProviderABI

/// The C functions of the descriptor. None captures anything: the provider type comes from `ExportedProvider`,
/// the instance from its handle.
enum Thunks {
    static let create:
        @convention(c) (
            UnsafePointer<patchbay_host>?, patchbay_buffer, UnsafeMutablePointer<OpaquePointer?>?,
            UnsafeMutablePointer<patchbay_buffer>?
        ) -> patchbay_status = { host, settings, outInstance, outMessage in
            guard let type = ExportedProvider.type else { return PATCHBAY_INTERNAL }
            let descriptor = type.descriptor
            return Boundary.run(providerID: descriptor.id, message: outMessage) {
                guard let outInstance else {
                    throw ProviderKitError(
                        .invalidArgument,
                        "\(descriptor.id): create got no instance pointer; host bug"
                    )
                }
                let services = try HostServices(host, providerID: descriptor.id)
                let values = try InputObject(settings.bytes, what: "settings", providerID: descriptor.id)
                    .checked(against: descriptor.settings, applyingDefaults: true, refusingUnknown: true)
                    .values
                let provider = try type.init(settings: values, host: ProviderHost(services: services))
                outInstance.pointee =
                    InstanceBox(provider: provider, services: services, descriptor: descriptor).handle
            }
        }

    static let destroy: @convention(c) (OpaquePointer?) -> Void = { instance in
        InstanceBox.release(instance)
    }

    static let validate:
        @convention(c) (
            OpaquePointer?, OpaquePointer?, patchbay_buffer, UnsafeMutablePointer<patchbay_buffer>?,
            UnsafeMutablePointer<patchbay_buffer>?
        ) -> patchbay_status = { instance, call, credentials, outResult, outMessage in
            let id = ExportedProvider.id
            return Boundary.run(providerID: id, message: outMessage) {
                let box = try InstanceBox.from(instance, providerID: id)
                let validation = try box.provider.validate(
                    credentials: box.credentials(credentials),
                    call: box.call(call)
                )
                try Boundary.write(validation.json, to: outResult, providerID: id)
            }
        }

    static let listNetworks:
        @convention(c) (
            OpaquePointer?, OpaquePointer?, patchbay_buffer, patchbay_page_sink?, UnsafeMutableRawPointer?,
            UnsafeMutablePointer<patchbay_buffer>?
        ) -> patchbay_status = { instance, call, credentials, sink, context, outMessage in
            let id = ExportedProvider.id
            return Boundary.run(providerID: id, message: outMessage) {
                let box = try InstanceBox.from(instance, providerID: id)
                guard let sink else {
                    throw ProviderKitError(.invalidArgument, "\(id): list_networks got no page sink; host bug")
                }
                let theCall = box.call(call)
                try box.provider.listNetworks(
                    credentials: box.credentials(credentials),
                    call: theCall,
                    sink: NetworkSink(function: sink, context: context, call: theCall)
                )
            }
        }

    static let freeBuffer: @convention(c) (patchbay_buffer) -> Void = { buffer in
        patchbay_buffer.releaseOwned(buffer)
    }

    static let counts:
        @convention(c) (
            OpaquePointer?, OpaquePointer?, patchbay_buffer, UnsafeMutablePointer<patchbay_buffer>?,
            UnsafeMutablePointer<patchbay_buffer>?
        ) -> patchbay_status = { instance, call, credentials, outResult, outMessage in
            let id = ExportedProvider.id
            return Boundary.run(providerID: id, message: outMessage) {
                let box = try InstanceBox.from(instance, providerID: id)
                guard let provider = box.provider as? any CountingProvider else {
                    throw ProviderKitError(.notFound, "\(id): counts is not supported; check get_extension first")
                }
                let counts = try provider.counts(credentials: box.credentials(credentials), call: box.call(call))
                try Boundary.write(counts.json, to: outResult, providerID: id)
            }
        }

    static let noExtension: @convention(c) (UnsafePointer<CChar>?) -> UnsafeRawPointer? = { _ in nil }

    static let extensionWithCounts: @convention(c) (UnsafePointer<CChar>?) -> UnsafeRawPointer? = { id in
        guard let id, String(cString: id) == PATCHBAY_EXT_COUNTS else { return nil }
        return UnsafeRawPointer(countsExtension.pointer)
    }

    /// The `patchbay.counts/1` table, built on first lookup and kept forever.
    private static let countsExtension = StaticPointer<patchbay_counts_extension> {
        let table = UnsafeMutablePointer<patchbay_counts_extension>.allocate(capacity: 1)
        table.initialize(
            to: patchbay_counts_extension(
                struct_size: UInt32(MemoryLayout<patchbay_counts_extension>.size),
                reserved: 0,
                counts: counts
            )
        )
        return UnsafePointer(table)
    }
}

/// A pointer to data built once and never changed or freed.
struct StaticPointer<Pointee>: @unchecked Sendable {  // immutable after construction, never freed
    let pointer: UnsafePointer<Pointee>

    init(_ build: () -> UnsafePointer<Pointee>) {
        pointer = build()
    }
}
