#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

extension Subcommand {
    /// `hotel import FILE|-`
    static let importLog = Subcommand(
        spec: CommandSpec(
            name: "import", abstract: "Append a whole JSON-lines log to a new or empty store, exactly as it stands.",
            arguments: [("file", "The log to import, or - for standard input (such as the output of 'hotel log').")],
            positionalCount: 1...1,
            discussion: "The input is checked whole as 'hotel verify' checks a store (and an unfinished last line is a problem here); if anything is wrong, every problem is listed on stderr as FILE:LINE: byte OFFSET: MESSAGE, nothing is written and the status is 65. The store must hold no event (status 1 otherwise). Positions and recorded times are kept: with 'hotel log' this is backup, restore and moving a hotel between stores, and a round trip gives a byte-identical log. Prints the number of events imported. Creates the store if there is none.",
            createsStore: true),
        run: { (arguments, context) throws(CommandLineError) in
            let source = arguments.positionals[0]
            let bytes = try readInput(source)
            let name = source == "-" ? "stdin" : source
            do throws(ImportError) {
                let count = try context.store.importLog(bytes)
                context.line("imported \(count) events")
            } catch {
                switch error {
                case .notSound(let report):
                    for problem in report.problems { context.warning(raw: "\(name):\(problem.line): byte \(problem.offset): \(problem.message)") }
                    throw CommandLineError(message: error.description, status: .dataError)
                case .empty: throw CommandLineError(message: error.description, status: .dataError)
                case .storeNotEmpty: throw CommandLineError(message: error.description, status: .rejected)
                case .store(let storeError): throw CommandLineError(.store(storeError))
                }
            }
        })
}
