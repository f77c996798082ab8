import CCurl
import Foundation

/// Blocking HTTP POSTs through one libcurl easy handle.
///
/// Not thread-safe: each delivery worker owns one and calls it only from its own thread (never
/// from a NIO event loop). Reusing the handle keeps connections to an endpoint alive between
/// deliveries. Signals are off (`NOSIGNAL`), as libcurl requires in threaded programs.
final class CurlTransport {
    private let handle: UnsafeMutableRawPointer
    private let collector = ResponseCollector()
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// - Throws: ``TransportFailure`` when libcurl cannot be initialised.
    init() throws(TransportFailure) {
        guard CurlGlobal.ensureInitialized(), let handle = curl_easy_init() else {
            throw TransportFailure(kind: .other, code: -1, message: "libcurl could not be initialised")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// POSTs `body` to `url` and waits for the response or for `timeout` seconds.
    /// - Parameter headers: complete header lines (`Name: value`).
    func post(url: String, body: [UInt8], headers: [String], timeout: Double) -> Result<TransportResponse, TransportFailure> {
        curl_easy_reset(handle)
        collector.reset()
        errorBuffer[0] = 0
        var list: UnsafeMutablePointer<curl_slist>?
        // An empty `Expect:` stops libcurl from waiting for `100 Continue` on bodies over 1 KiB.
        for line in headers + ["Content-Type: application/json", "Expect:"] {
            list = curl_slist_append(list, line)
        }
        defer { curl_slist_free_all(list) }

        let timeoutMs = max(1, Int(timeout * 1000))
        var setup = ccurl_setopt_string(handle, CURLOPT_URL, url)
        setup = setup == CURLE_OK ? ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https") : setup
        setup = setup == CURLE_OK ? ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) : setup
        setup = setup == CURLE_OK ? ccurl_setopt_long(handle, CURLOPT_POST, 1) : setup
        setup = setup == CURLE_OK ? body.withUnsafeBytes {
            ccurl_setopt_copy_postfields(handle, $0.baseAddress, body.count)
        } : setup
        setup = setup == CURLE_OK ? ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list) : setup
        setup = setup == CURLE_OK ? ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMs) : setup
        setup = setup == CURLE_OK ? ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(timeoutMs, 10_000)) : setup
        setup = setup == CURLE_OK ? ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0) : setup
        setup = setup == CURLE_OK ? ccurl_setopt_string(handle, CURLOPT_USERAGENT, "Karir-Webhook/1") : setup
        setup = setup == CURLE_OK ? ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer) : setup
        setup = setup == CURLE_OK ? installCallbacks() : setup
        guard setup == CURLE_OK else { return .failure(failure(setup)) }

        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { return .failure(failure(code)) }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(TransportResponse(status: status, headers: collector.headers,
                                          bodyPrefix: String(decoding: collector.body, as: UTF8.self)))
    }

    /// Header and body callbacks: non-capturing closures (C function pointers) that find the
    /// collector through the user-data pointer. The collector outlives the transfer (it is ours).
    private func installCallbacks() -> CURLcode {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var code = ccurl_setopt_header_function(handle) { pointer, size, count, userData in
            let length = size * count
            guard let pointer, let userData else { return length }
            let collector = Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            collector.header(line: String(decoding: bytes, as: UTF8.self))
            return length
        }
        code = code == CURLE_OK ? ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context) : code
        code = code == CURLE_OK ? ccurl_setopt_write_function(handle) { pointer, size, count, userData in
            let length = size * count
            guard let pointer, let userData else { return length }
            let collector = Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue()
            pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                collector.append(UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        } : code
        code = code == CURLE_OK ? ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context) : code
        return code
    }

    private func failure(_ code: CURLcode) -> TransportFailure {
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let kind: TransportFailure.Kind
        switch code {
        case CURLE_OPERATION_TIMEDOUT: kind = .timeout
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR,
             CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PEER_FAILED_VERIFICATION:
            kind = .connection
        default: kind = .other
        }
        return TransportFailure(kind: kind, code: Int(code.rawValue), message: message)
    }
}
