import Foundation
import KarirServer
import NIOCore
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    private func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("karir-\(UUID().uuidString).yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func defaults() throws {
        let config = try ServerConfiguration.resolve(configFile: nil, environment: [:], flags: [:])
        #expect(config.host == "127.0.0.1")
        #expect(config.maxLineBytes == 16 * 1024)
        #expect(config.sessionTimeout == .minutes(30))
        #expect(config.adminToken == nil)
        #expect(config.metricsPort == nil)
    }

    @Test func fileThenEnvironmentThenFlags() throws {
        let path = try write("""
        # Karir server
        host: 0.0.0.0
        port: 9000
        max_line_bytes: 32KiB
        session_timeout: 45m
        idle_timeout: 0
        watch: yes
        admin_token: from-file
        transcript:
        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try ServerConfiguration.resolve(
            configFile: path,
            environment: ["KARIR_PORT": "9100", "KARIR_ADMIN_TOKEN": "from-env", "KARIR_UNRELATED": "x", "HOME": "/root"],
            flags: [.port: "9200", .writeTimeout: "1500ms"])
        #expect(config.host == "0.0.0.0")
        #expect(config.port == 9200)
        #expect(config.adminToken == "from-env")
        #expect(config.maxLineBytes == 32 * 1024)
        #expect(config.sessionTimeout == .minutes(45))
        #expect(config.idleTimeout == .nanoseconds(0))
        #expect(config.writeTimeout == .milliseconds(1500))
        #expect(config.watch)
        #expect(config.transcript == nil)
    }

    @Test func everyKeyHasThreeNames() {
        #expect(ConfigKey.maxLineBytes.environmentVariable == "KARIR_MAX_LINE_BYTES")
        #expect(ConfigKey.maxLineBytes.flag == "--max-line-bytes")
        #expect(Set(ConfigKey.allCases.map(\.flag)).count == ConfigKey.allCases.count)
    }

    @Test func errorsSayWhereAndWhat() throws {
        let typo = try write("port: 7420\nmax_conections: 10\n")
        defer { try? FileManager.default.removeItem(atPath: typo) }
        #expect {
            try ServerConfiguration.resolve(configFile: typo, environment: [:], flags: [:])
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(typo):2") && text.contains("did you mean \"max_connections\"")
        }
        let badValue = try write("idle_timeout: soon\n")
        defer { try? FileManager.default.removeItem(atPath: badValue) }
        #expect(throws: ConfigurationError.invalidValue(key: .idleTimeout, value: "soon", source: "\(badValue):1")) {
            try ServerConfiguration.resolve(configFile: badValue, environment: [:], flags: [:])
        }
        #expect(throws: ConfigurationError.invalidValue(key: .port, value: "70000", source: "environment variable KARIR_PORT")) {
            try ServerConfiguration.resolve(configFile: nil, environment: ["KARIR_PORT": "70000"], flags: [:])
        }
        #expect(throws: ConfigurationError.invalidValue(key: .logLevel, value: "loud", source: "flag --log-level")) {
            try ServerConfiguration.resolve(configFile: nil, environment: [:], flags: [.logLevel: "loud"])
        }
        let broken = try write("port: [1, 2\n")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        #expect {
            try ServerConfiguration.resolve(configFile: broken, environment: [:], flags: [:])
        } throws: { error in
            if case .invalidYAML(let path, let line, _, _) = error as? ConfigurationError { return path == broken && line >= 1 }
            return false
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(configFile: "/nonexistent/karir.yaml", environment: [:], flags: [:])
        }
    }

    @Test func extraKeysAreKeptForOtherModules() throws {
        let path = try write("webhook: https://example.invalid/hook\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try ServerConfiguration.resolve(configFile: path, environment: ["KARIR_DATA_DIR": "/var/lib/karir"], flags: [:],
                                                     extraKeys: ["webhook", "data_dir"])
        #expect(config.extras == ["webhook": "https://example.invalid/hook", "data_dir": "/var/lib/karir"])
    }

    /// `karir serve --config` reads the same file as the webhooks: their section is a mapping.
    @Test func aSectionOfAnotherModuleIsLeftToIt() throws {
        let path = try write("port: 7001\nwebhooks:\n  endpoints:\n    - name: crm\n      url: https://example.invalid/hook\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try ServerConfiguration.resolve(configFile: path, environment: [:], flags: [:], extraKeys: ["webhooks"])
        #expect(config.port == 7001)
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(configFile: path, environment: [:], flags: [:])
        }
    }
}
