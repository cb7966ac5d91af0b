import ProviderKit

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns Meraki's answers into values or into errors that name the endpoint, Meraki's own words and a fix.
enum MerakiResponse {
    /// Throws for anything but 2xx, with Meraki's `{"errors": [...]}` text when it sent one. `notFoundFix` replaces
    /// the advice for a 404 where organizations are not the cause (e.g. the key's identity).
    static func check(
        _ response: HTTPResponse,
        endpoint: String,
        notFoundFix: String? = nil
    ) throws(ProviderKitError) {
        guard !(200..<300).contains(response.status) else { return }
        let said = (try? JSONDecoder().decode(MerakiErrors.self, from: Data(response.body)))?.errors
            .joined(separator: "; ")
        let what = "Meraki answered \(response.status)" + (said.map { ": \($0)" } ?? "")
        let (code, fix): (ProviderKitError.Code, String) =
            switch response.status {
            case 401: (.unauthenticated, "check the api_key credential (Dashboard > My profile > API access)")
            case 403: (.permissionDenied, "give the key's administrator access to it, or narrow organization_ids")
            case 404:
                (
                    .notFound,
                    notFoundFix ?? "check organization_ids, and that API access is enabled for the organization"
                )
            case 300..<400: (.unavailable, "Meraki kept redirecting; check base_url")
            case 429: (.rateLimited, "Meraki's rate budget stayed exhausted; sync again later")
            case 500...: (.unavailable, "Meraki is unavailable; try again later")
            default: (.internal, "the request was refused as malformed; report it to the plugin's vendor")
            }
        throw ProviderKitError(code, "\(endpoint): \(what); \(fix)")
    }

    /// Decodes a JSON body, or fails as `internal` naming the endpoint.
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from body: [UInt8],
        endpoint: String
    )
        throws(ProviderKitError) -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            throw malformed(endpoint: endpoint, detail: "\(error)")
        }
    }

    /// The elements of a JSON array body with their own bytes, decoded as `Element`.
    static func elements<Element: Decodable>(
        _ type: Element.Type,
        from body: [UInt8],
        endpoint: String
    )
        throws(ProviderKitError) -> [(element: Element, raw: ArraySlice<UInt8>)]
    {
        let ranges: [Range<Int>]
        do {
            ranges = try JSONArray.elements(of: body)
        } catch {
            throw malformed(endpoint: endpoint, detail: error.description)
        }
        let decoded = try decode([Element].self, from: body, endpoint: endpoint)
        guard decoded.count == ranges.count else {
            throw malformed(endpoint: endpoint, detail: "\(decoded.count) elements decoded, \(ranges.count) found")
        }
        return zip(decoded, ranges).map { ($0, body[$1]) }
    }

    static func malformed(endpoint: String, detail: String) -> ProviderKitError {
        ProviderKitError(
            .internal,
            "\(endpoint): malformed JSON from Meraki (\(detail.prefix(160))); try again, and report it if it persists"
        )
    }
}
