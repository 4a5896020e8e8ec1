/// Parses command-line words the way swift-argument-parser users expect: `--opt value` and `--opt=value`,
/// `--` ends options, `-h` is `--help`, an unknown option suggests the nearest known one, and an option
/// given twice, a missing value or a stray argument is an error.
enum ArgumentParser {
    static func parse(_ words: ArraySlice<String>, for spec: CommandSpec) throws(CommandLineError) -> ParsedArguments {
        var parsed = ParsedArguments(spec: spec)
        var words = words
        var onlyPositionals = false
        while let word = words.popFirst() {
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            let (name, inlineValue) = split(word == "-h" ? "--help" : word)
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw unknownOption(name, in: spec)
            }
            if !option.isRepeatable, parsed.isGiven(option) {
                throw .usage("option '\(name)' is given more than once", help: spec.name)
            }
            if option.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if let next = words.first, !next.hasPrefix("--") {
                    value = next
                    words.removeFirst()
                } else {
                    throw .usage("missing value for '\(option.usage)'", help: spec.name)
                }
                parsed.give(option, value)
            } else {
                if inlineValue != nil { throw .usage("option '\(name)' takes no value", help: spec.name) }
                parsed.give(option)
            }
        }
        if parsed.isGiven(.help) { return parsed }
        if parsed.positionals.count > spec.positionalCount.upperBound {
            let stray = parsed.positionals[spec.positionalCount.upperBound]
            throw .usage("unexpected argument '\(stray)'", help: spec.name)
        }
        if parsed.positionals.count < spec.positionalCount.lowerBound {
            let missing = spec.arguments[parsed.positionals.count].name
            throw .usage("missing argument <\(missing)>", help: spec.name)
        }
        return parsed
    }

    private static func split(_ word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func unknownOption(_ name: String, in spec: CommandSpec) -> CommandLineError {
        let names = spec.options.map(\.name)
        let hint = EditDistanceHint.suggestion(for: name, among: names)
        return .usage("unknown option '\(name)'\(hint)", help: spec.name)
    }
}
