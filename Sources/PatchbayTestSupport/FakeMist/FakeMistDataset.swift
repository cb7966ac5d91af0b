import Foundation

/// What a FakeMist serves: organizations with their sites and devices, and the API tokens it accepts.
package struct FakeMistDataset: Sendable {
    package struct Organization: Sendable {
        package var id: String
        package var name: String
        package var sites: [Site]
        package var devices: [Device]

        package init(id: String, name: String, sites: [Site], devices: [Device] = []) {
            self.id = id
            self.name = name
            self.sites = sites
            self.devices = devices
        }
    }

    package struct Site: Sendable {
        package var id: String
        package var name: String
        package var timezone: String

        package init(id: String, name: String, timezone: String = "Europe/Amsterdam") {
            self.id = id
            self.name = name
            self.timezone = timezone
        }
    }

    /// A device in the org's inventory, by Mist type: `ap`, `switch` or `gateway`.
    package struct Device: Sendable {
        package var mac: String
        package var type: String
        package var model: String

        package init(mac: String, type: String, model: String) {
            self.mac = mac
            self.type = type
            self.model = model
        }
    }

    package var organizations: [Organization]
    package var tokens: [String]
    package var email: String

    package init(organizations: [Organization], tokens: [String] = [Self.goodToken], email: String = "mia@example.com")
    {
        self.organizations = organizations
        self.tokens = tokens
        self.email = email
    }

    /// The token every generated dataset accepts.
    package static let goodToken = "mist-test-token-0123456789abcdef"

    /// An organization id in Mist's UUID form, e.g. `00000000-0000-4000-8000-000000000001`.
    package static func organizationID(_ number: Int) -> String {
        "00000000-0000-4000-8000-" + String(format: "%012d", number)
    }

    /// `organizations` orgs with `sitesPerOrganization` sites each and, per site, `accessPointsPerSite` APs plus
    /// a switch and a gateway, which are not access points.
    package static func generated(
        organizations: Int,
        sitesPerOrganization: Int,
        accessPointsPerSite: Int = 2
    ) -> FakeMistDataset {
        let orgs = (1...max(organizations, 1)).prefix(organizations).map { number in
            let id = organizationID(number)
            let sites = (0..<sitesPerOrganization).map { index in
                Site(
                    id: "5a1e0000-0000-4000-8000-\(String(format: "%06d%06d", number, index))",
                    name: index == 0 ? "HQ \"Zürich\" ☃ 🛰 \(number)" : "Site \(number)-\(index)"
                )
            }
            var devices: [Device] = []
            for site in 0..<sitesPerOrganization {
                for ap in 0..<accessPointsPerSite {
                    devices.append(
                        Device(mac: String(format: "5c5b35%02x%02x%02x", number, site, ap), type: "ap", model: "AP45")
                    )
                }
                devices.append(
                    Device(mac: String(format: "d0dd49%02x%02xf0", number, site), type: "switch", model: "EX2300-C-12P")
                )
                devices.append(
                    Device(mac: String(format: "3c8c93%02x%02xf1", number, site), type: "gateway", model: "SRX320")
                )
            }
            return Organization(id: id, name: "Org \(number)", sites: sites, devices: devices)
        }
        return FakeMistDataset(organizations: orgs)
    }
}
