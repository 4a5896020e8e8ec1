/// A word after `hotel`: a command, or a group of subcommands under one word (`rooms add`, `rooms list`).
///
/// A node holds its word and how to make its command, not the command: making one declares its option
/// groups, which costs the runtime type metadata of each, so a run makes only the command it runs (making
/// the whole tree took a third of a warm `book`). ``CommandTreeTests`` checks each word against its spec.
enum CommandNode: Sendable {
    /// Makes a command (a reference to one of ``Subcommand``'s static properties, made on first use).
    typealias Make = @Sendable () -> Subcommand

    case command(word: String, Make)
    /// `word`, then one of `children`'s words; with none (the end of the words, or an option next),
    /// `unnamed` runs: one of the children, whose spec is named by `word` alone.
    case group(word: String, children: [(word: String, make: Make)], unnamed: Make)

    /// The word that names the node.
    var word: String {
        switch self {
        case .command(let word, _): word
        case .group(let word, _, _): word
        }
    }

    /// The commands of the node, each once, in the order help lists them.
    var commands: [Subcommand] {
        switch self {
        case .command(_, let make): [make()]
        case .group(_, let children, _): children.map { $0.make() }
        }
    }

    /// The command `words` name among `nodes`, taking its words off the front of `words`.
    /// - Throws: a usage error for an unknown word, with the nearest known one.
    static func find(_ words: inout ArraySlice<String>, in nodes: [CommandNode]) throws(CommandLineError) -> Subcommand {
        let name = words.popFirst() ?? ""
        guard let node = nodes.first(where: { $0.word == name }) else {
            let hint = EditDistanceHint.suggestion(for: name, among: nodes.map(\.word) + ["help"])
            throw .usage("unknown subcommand '\(name)'\(hint)")
        }
        switch node {
        case .command(_, let make): return make()
        case .group(let word, let children, let unnamed):
            guard let next = words.first, !next.hasPrefix("-") else { return unnamed() }
            words.removeFirst()
            guard let child = children.first(where: { $0.word == next }) else {
                let hint = EditDistanceHint.suggestion(for: next, among: children.map(\.word))
                throw .usage("unknown subcommand '\(word) \(next)'\(hint)", help: word)
            }
            return child.make()
        }
    }
}
