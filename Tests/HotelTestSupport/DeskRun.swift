import Foundation
import Testing

/// The three outcomes end-to-end tests check most: a command that succeeds and prints (on stdout, nothing on
/// stderr), a command that prints an id, and a command refused (exit 1) that changes nothing.
extension Sandbox {
    /// Runs `arguments` at `now`, requiring exit 0 and an empty stderr; returns stdout.
    @discardableResult
    public func ok(_ arguments: [String], at now: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try hotel(now: now).run(arguments)
        try #require(result.status == 0 && result.stderr == "", "\(arguments): \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// ``ok(_:at:sourceLocation:)``'s output without its newline: the id a command printed.
    public func id(_ arguments: [String], at now: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try ok(arguments, at: now, sourceLocation: sourceLocation).trimmingCharacters(in: .newlines)
    }

    /// Runs `arguments` at `now`, expecting exit `status` (1: refused), nothing on stdout, and the store
    /// unchanged; returns the result (its stderr says why).
    @discardableResult
    public func refused(_ arguments: [String], at now: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation) throws -> HotelProcess.Result {
        let before = hotel.storeBytes()
        let result = try hotel(now: now).run(arguments)
        #expect(result.status == status && result.stdout == "", "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(hotel.storeBytes() == before, "a refused command changed the store", sourceLocation: sourceLocation)
        return result
    }
}
