import Foundation

/// What a FakeMeraki serves: organizations, their networks and devices, and the API keys it accepts.
package struct FakeMerakiDataset: Sendable {
    package struct Organization: Sendable {
        package var id: String
        package var name: String
        package var apiEnabled: Bool
        package var networks: [Network]

        package init(id: String, name: String, apiEnabled: Bool = true, networks: [Network]) {
            self.id = id
            self.name = name
            self.apiEnabled = apiEnabled
            self.networks = networks
        }
    }

    package struct Network: Sendable {
        package var id: String
        package var name: String
        package var productTypes: [String]
        package var tags: [String]
        package var devices: [Device]
        /// Meraki's free-text `notes`: long notes make network objects kilobytes large.
        package var notes: String

        package init(
            id: String,
            name: String,
            productTypes: [String],
            tags: [String] = [],
            devices: [Device] = [],
            notes: String = ""
        ) {
            self.id = id
            self.name = name
            self.productTypes = productTypes
            self.tags = tags
            self.devices = devices
            self.notes = notes
        }
    }

    /// A device by model and Meraki product type (`wireless`, `switch`, `appliance`, `camera`, ...).
    package struct Device: Sendable, Equatable {
        package var model: String
        package var productType: String

        package init(model: String, productType: String) {
            self.model = model
            self.productType = productType
        }

        package static let accessPoint = Device(model: "MR46", productType: "wireless")
        package static let catalystAccessPoint = Device(model: "CW9166I", productType: "wireless")
        package static let networkSwitch = Device(model: "MS225-48FP", productType: "switch")
        package static let appliance = Device(model: "MX68", productType: "appliance")
        package static let camera = Device(model: "MV72", productType: "camera")
        package static let wirelessController = Device(model: "C9800-L-F-K9", productType: "wirelessController")
    }

    package var organizations: [Organization]
    package var apiKeys: Set<String>

    package init(organizations: [Organization], apiKeys: Set<String> = [FakeMerakiDataset.goodKey]) {
        self.organizations = organizations
        self.apiKeys = apiKeys
    }

    package static let goodKey = "fake-meraki-key-0123456789abcdef0123"

    /// `organizations` organizations of `networksPerOrganization` networks, each with `accessPointsPerNetwork`
    /// access points (MR and Catalyst CW) and, when `otherDevices`, a switch, an appliance, a camera and a
    /// wireless controller, none of which is an access point.
    package static func generated(
        organizations: Int,
        networksPerOrganization: Int,
        accessPointsPerNetwork: Int = 2,
        otherDevices: Bool = true
    ) -> FakeMerakiDataset {
        let others: [Device] = otherDevices ? [.networkSwitch, .appliance, .camera, .wirelessController] : []
        let aps = (0..<accessPointsPerNetwork).map { $0.isMultiple(of: 2) ? Device.accessPoint : .catalystAccessPoint }
        let orgs = (1...max(1, organizations)).prefix(organizations).map { org in
            let orgID = String(100_000 + org)
            let networks = (1...max(1, networksPerOrganization)).prefix(networksPerOrganization).map { index in
                Network(
                    id: "L_\(orgID)\(String(index + 1_000_000).dropFirst())",
                    // Quotes, a backslash and non-ASCII text, so escaping is exercised end to end.
                    name: index == 2 ? "Café \"HQ\" \\ 東京 \(org)" : "Org \(org) network \(index)",
                    productTypes: otherDevices ? ["appliance", "camera", "switch", "wireless"] : ["wireless"],
                    tags: index.isMultiple(of: 3) ? ["branch", "tier-\(index % 5)"] : [],
                    devices: aps + others
                )
            }
            return Organization(id: orgID, name: "Org \(org)", networks: networks)
        }
        return FakeMerakiDataset(organizations: orgs)
    }
}
