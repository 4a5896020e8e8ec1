/// A word after `hotel`: a command, or a group of subcommands under one word (`rooms add`, `rooms list`).
enum CommandNode: Sendable {
    case command(Subcommand)
    /// `word`, then one of `children`'s words; with none (the end of the words, or an option next),
    /// `unnamed` runs: one of the children, whose spec is named by `word` alone.
    case group(word: String, children: [(word: String, command: Subcommand)], unnamed: Subcommand)

    /// The word that names the node.
    var word: String {
        switch self {
        case .command(let command): command.spec.name
        case .group(let word, _, _): word
        }
    }

    /// The commands of the node, each once, in the order help lists them.
    var commands: [Subcommand] {
        switch self {
        case .command(let command): [command]
        case .group(_, let children, _): children.map(\.command)
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
        case .command(let command): return command
        case .group(let word, let children, let unnamed):
            guard let next = words.first, !next.hasPrefix("-") else { return unnamed }
            words.removeFirst()
            guard let child = children.first(where: { $0.word == next }) else {
                let hint = EditDistanceHint.suggestion(for: next, among: children.map(\.word))
                throw .usage("unknown subcommand '\(word) \(next)'\(hint)", help: word)
            }
            return child.command
        }
    }
}
