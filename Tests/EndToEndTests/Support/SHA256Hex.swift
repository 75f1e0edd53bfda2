import Foundation
import Hashing

enum SHA256Hex {
    static func of(_ data: Data) throws -> String { SHA256.hex(of: data) }
}
