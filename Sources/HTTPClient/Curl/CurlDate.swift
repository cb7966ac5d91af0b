import CCurl

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP-date parsing by libcurl, which reads all three forms RFC 9110 requires (IMF-fixdate, RFC 850, asctime).
enum CurlDate {
    /// Whole seconds from now until `httpDate` (negative when it has passed), or nil when it is not a date.
    static func secondsUntil(_ httpDate: String) -> Int? {
        let when = curl_getdate(httpDate, nil)
        guard when != -1 else {
            return nil
        }
        return Int(when) - Int(time(nil))
    }
}
